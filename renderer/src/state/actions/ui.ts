/** The ui slice's switches: which dialog is open, and whether a "g" sequence is under way. */
import type { FrontPane } from '../layout.js';
import { update, type Dialog } from '../store.js';

export function openDialog(dialog: Dialog): void {
  update((s) => ({ ui: { ...s.ui, dialog } }));
}

/** Closes the dialog; one opened from another (its `back`) returns to that one. */
export function closeDialog(): void {
  update((s) => {
    const current = s.ui.dialog;
    const back = current && 'back' in current ? (current.back ?? null) : null;
    return { ui: { ...s.ui, dialog: back } };
  });
}

export function setPendingG(pendingG: boolean): void {
  update((s) => ({ ui: { ...s.ui, pendingG } }));
}

/** Brings a pane to the front: the only one shown in a narrow window, the drawer in a medium one. */
export function showPane(front: FrontPane): void {
  update((s) => ({ ui: { ...s.ui, front } }));
}
