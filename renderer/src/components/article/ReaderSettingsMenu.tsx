/**
 * The article toolbar's "Aa": a button that opens the reader settings in a small
 * non-modal panel under it. Focus goes into the panel; Escape, a click outside or Tab
 * past its last control closes it, and Escape gives focus back to the button.
 *
 * The panel is drawn after the toolbar, not inside it: the toolbar clips what overflows
 * it (and, as a size container, would hold a fixed child too). So the toolbar keeps the
 * menu's state (useReaderSettingsMenu) and renders the button and the panel apart.
 */
import { useEffect, useId, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { Type } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { ReaderSettingsControls } from './ReaderSettingsControls.js';

export interface ReaderSettingsMenuState {
  /** Where the open panel sits (under the button); null when closed. */
  place: CSSProperties | null;
  setPlace: (place: CSSProperties | null) => void;
  button: RefObject<HTMLButtonElement | null>;
  panelId: string;
}

export function useReaderSettingsMenu(): ReaderSettingsMenuState {
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return { place, setPlace, button, panelId: useId() };
}

function placeUnder(button: HTMLElement): CSSProperties {
  const rect = button.getBoundingClientRect();
  return { top: rect.bottom + 4, right: Math.max(8, window.innerWidth - rect.right) };
}

export function ReaderSettingsButton({ menu }: { menu: ReaderSettingsMenuState }) {
  const open = menu.place !== null;
  return (
    <button
      ref={menu.button}
      type="button"
      aria-label={t('reader.settings')}
      title={t('reader.settings.title')}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? menu.panelId : undefined}
      onClick={() => menu.setPlace(open ? null : placeUnder(menu.button.current!))}
    >
      <Type aria-hidden="true" className="icon-svg" />
    </button>
  );
}

export function ReaderSettingsPanel({ menu }: { menu: ReaderSettingsMenuState }) {
  const panel = useRef<HTMLDivElement>(null);
  const { place, setPlace, button } = menu;
  const open = place !== null;

  useEffect(() => {
    if (!open) return;
    // The checked font first, as a radio group is entered.
    panel.current?.querySelector<HTMLElement>('input:checked, input, button')?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setPlace(null);
    };
    const resized = () => setPlace(null);
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', resized);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', resized);
    };
  }, [open, setPlace, button]);

  if (!open) return null;
  return (
    <div
      ref={panel}
      id={menu.panelId}
      className="reader-menu"
      role="dialog"
      aria-label={t('reader.settings')}
      style={place}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Ours, not the window's (which would only leave the field).
        event.stopPropagation();
        event.preventDefault();
        setPlace(null);
        button.current?.focus();
      }}
      onBlur={(event) => {
        // Tab past the last control (or Shift+Tab before the first) closes it.
        const next = event.relatedTarget as Node | null;
        if (next && !panel.current?.contains(next)) setPlace(null);
      }}
    >
      <ReaderSettingsControls />
    </div>
  );
}
