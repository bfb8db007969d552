/**
 * An icon button that opens a menu under it: Enter, Space or Down open it at its first
 * item, Up at its last; the button says whether it is open. Closing by a choice or Escape
 * brings focus back to the button.
 */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Menu, type MenuAnchor, type MenuEntry } from './Menu.js';

export interface MenuButtonProps {
  /** The button's accessible name; the menu is named the same. */
  label: string;
  icon: ReactNode;
  /** Built when the menu opens, so it shows the state of that moment. */
  entries: () => MenuEntry[];
  className?: string;
  title?: string;
}

export function MenuButton({ label, icon, entries, className, title }: MenuButtonProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<{ anchor: MenuAnchor; focus: 'first' | 'last' } | null>(null);

  const show = (focus: 'first' | 'last'): void =>
    setOpen({ anchor: { rect: button.current!.getBoundingClientRect() }, focus });
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    // The list's Up and Down (next article) must not fire from here.
    event.preventDefault();
    event.stopPropagation();
    show(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`icon ${className ?? ''}`}
        aria-label={label}
        title={title ?? label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? setOpen(null) : show('first'))}
        onKeyDown={onKeyDown}
      >
        {icon}
      </button>
      {open && (
        <Menu
          id={id}
          label={label}
          entries={entries()}
          anchor={open.anchor}
          focus={open.focus}
          opener={button.current}
          onClose={(refocus) => {
            setOpen(null);
            if (refocus) button.current?.focus();
          }}
        />
      )}
    </>
  );
}
