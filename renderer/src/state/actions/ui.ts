/** The ui slice's switches: which dialog is open, and whether a "g" sequence is under way. */
import { update, type Dialog } from '../store.js';

export function openDialog(dialog: Dialog): void {
  update((s) => ({ ui: { ...s.ui, dialog } }));
}

export function closeDialog(): void {
  update((s) => ({ ui: { ...s.ui, dialog: null } }));
}

export function setPendingG(pendingG: boolean): void {
  update((s) => ({ ui: { ...s.ui, pendingG } }));
}
