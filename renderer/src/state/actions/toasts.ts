/** Passing messages, and the wrapper that turns a failed action into one. */
import { messageOf } from '../../../../shared/error-message.js';
import { ReaderCallError } from '../../../../shared/protocol.js';
import { getState, update, type Toast } from '../store.js';

/** What a failure says to the user: a ReaderCallError's message is written for them. */
export function errorMessage(error: unknown): string {
  if (error instanceof ReaderCallError) return error.message;
  return messageOf(error);
}

export function showToast(message: string, kind: Toast['kind'] = 'info', action?: Toast['action'], ms = 6000): void {
  const id = getState().ui.nextToastId;
  update((s) => ({
    ui: { ...s.ui, nextToastId: id + 1, toasts: [...s.ui.toasts, { id, message, kind, action }] },
  }));
  setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  update((s) => ({ ui: { ...s.ui, toasts: s.ui.toasts.filter((t) => t.id !== id) } }));
}

/** Runs an action, turning a failure into an error toast instead of an unhandled rejection. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    showToast(errorMessage(error), 'error');
    return undefined;
  }
}
