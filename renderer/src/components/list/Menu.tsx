/**
 * A menu (WAI-ARIA menu pattern): actions, radio groups and check items, drawn beside an
 * anchor (a button, a row) or at the pointer. The keyboard walks it with Up/Down,
 * Home/End and a first letter, chooses with Enter or Space, and leaves with Escape (back
 * to where it came from) or Tab. Keys stay inside it: j or m pressed here do not reach the
 * reader's shortcuts. A click elsewhere closes it.
 */
import { Check } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import '../../styles/list.css';

export type MenuItem =
  | { kind: 'action'; label: string; run: () => void; disabled?: boolean; keys?: string }
  | { kind: 'radio' | 'check'; label: string; checked: boolean; run: () => void };

export type MenuEntry = MenuItem | { kind: 'separator' } | { kind: 'group'; label: string; items: MenuItem[] };

/** Where the menu opens: under an element's box, or at a point (a right-click). Keep it: a new anchor places the menu again. */
export type MenuAnchor = { rect: DOMRect } | { x: number; y: number };

export interface MenuProps {
  id?: string;
  label: string;
  entries: MenuEntry[];
  anchor: MenuAnchor;
  /** The button that opened it: a click there is its own (it toggles the menu), not a click elsewhere. */
  opener?: HTMLElement | null;
  /** Which item takes focus when it opens (Up on its button opens it at the last). */
  focus?: 'first' | 'last';
  /** `refocus`: give focus back to what opened the menu (Escape, a choice), not on a click elsewhere. */
  onClose: (refocus: boolean) => void;
}

const EDGE = 8;

function itemsOf(entries: MenuEntry[]): MenuItem[] {
  return entries.flatMap((e) => (e.kind === 'separator' ? [] : e.kind === 'group' ? e.items : [e]));
}

const ROLES = { action: 'menuitem', radio: 'menuitemradio', check: 'menuitemcheckbox' } as const;

export function Menu({ id, label, entries, anchor, opener, focus = 'first', onClose }: MenuProps) {
  const box = useRef<HTMLDivElement>(null);
  const items = itemsOf(entries);
  const [active, setActive] = useState(() => (focus === 'last' ? items.length - 1 : 0));
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  const close = useRef(onClose);
  close.current = onClose;

  // Placed once its size is known: under the anchor, else above it, always inside the window.
  useLayoutEffect(() => {
    const menu = box.current!.getBoundingClientRect();
    const width = window.innerWidth;
    const height = window.innerHeight;
    let left: number;
    let top: number;
    if ('rect' in anchor) {
      left = anchor.rect.right - menu.width;
      top = anchor.rect.bottom + 4;
      if (top + menu.height > height - EDGE) top = anchor.rect.top - menu.height - 4;
    } else {
      left = anchor.x;
      top = anchor.y;
      if (top + menu.height > height - EDGE) top = anchor.y - menu.height;
    }
    setPlace({
      left: Math.max(EDGE, Math.min(left, width - menu.width - EDGE)),
      top: Math.max(EDGE, Math.min(top, height - menu.height - EDGE)),
    });
  }, [anchor]);

  useEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[active]?.focus();
  }, [active, place]);

  useEffect(() => {
    const away = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!box.current?.contains(target) && !opener?.contains(target)) close.current(false);
    };
    const leave = (): void => close.current(false);
    // Capture: a click on the button that opened the menu closes it before toggling it.
    document.addEventListener('pointerdown', away, true);
    // The window losing focus (another app, the article frame) closes it, as native menus do.
    window.addEventListener('blur', leave);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', leave);
    };
  }, [opener]);

  const choose = (item: MenuItem): void => {
    if (item.kind === 'action' && item.disabled) return;
    close.current(true);
    item.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Tab') return close.current(false);
    event.stopPropagation();
    const last = items.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (active >= last ? 0 : active + 1),
      ArrowUp: () => (active <= 0 ? last : active - 1),
      Home: () => 0,
      End: () => last,
    };
    if (moves[event.key]) {
      event.preventDefault();
      setActive(moves[event.key]!());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close.current(true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // A letter: the next item starting with it.
      const letter = event.key.toLowerCase();
      for (let step = 1; step <= items.length; step++) {
        const at = (active + step) % items.length;
        if (items[at]!.label.toLowerCase().startsWith(letter)) return setActive(at);
      }
    }
  };

  let index = -1;
  const item = (entry: MenuItem) => {
    const at = ++index;
    const checked = entry.kind === 'action' ? undefined : entry.checked;
    const disabled = entry.kind === 'action' && entry.disabled;
    return (
      <button
        key={`${at}-${entry.label}`}
        type="button"
        role={ROLES[entry.kind]}
        className="menu-item"
        tabIndex={at === active ? 0 : -1}
        aria-checked={checked}
        aria-disabled={disabled || undefined}
        aria-keyshortcuts={entry.kind === 'action' ? entry.keys : undefined}
        onClick={() => choose(entry)}
        onPointerMove={() => at !== active && setActive(at)}
      >
        <span className="menu-check" aria-hidden="true">
          {checked && <Check className="icon-svg" />}
        </span>
        <span className="menu-label">{entry.label}</span>
        {entry.kind === 'action' && entry.keys && (
          <kbd className="menu-keys" aria-hidden="true">
            {entry.keys}
          </kbd>
        )}
      </button>
    );
  };

  return (
    <div
      id={id}
      ref={box}
      role="menu"
      aria-label={label}
      className="menu-popup"
      style={place ?? { left: 0, top: 0, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {entries.map((entry, i) => {
        if (entry.kind === 'separator') return <div key={`s${i}`} role="separator" className="menu-separator" />;
        if (entry.kind === 'group')
          return (
            <div key={`g${i}`} role="group" aria-label={entry.label} className="menu-group">
              <div className="menu-group-label" aria-hidden="true">
                {entry.label}
              </div>
              {entry.items.map(item)}
            </div>
          );
        return item(entry);
      })}
    </div>
  );
}
