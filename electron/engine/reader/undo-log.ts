/**
 * The last few "mark as read" changes, kept so the toast's Undo restores exactly the
 * articles that changed (not the whole view as it is now). In memory only: undo is for
 * the moment after the click, not across restarts.
 */
import { randomUUID } from 'node:crypto';
import type { ArticleId } from '../../../shared/domain.js';

const UNDO_KEPT = 10;

export interface UndoEntry {
  ids: ArticleId[];
  /** The state the change set; undoing sets the opposite. */
  read: boolean;
}

export class UndoLog {
  private readonly entries = new Map<string, UndoEntry>();

  /** Remembers a change; null when nothing changed (there is nothing to undo). */
  remember(ids: ArticleId[], read: boolean): string | null {
    if (ids.length === 0) return null;
    const token = randomUUID();
    this.entries.set(token, { ids, read });
    while (this.entries.size > UNDO_KEPT) this.entries.delete(this.entries.keys().next().value!);
    return token;
  }

  /** The change behind a token, forgotten as it is handed out (an undo happens once). */
  take(token: string): UndoEntry | null {
    const entry = this.entries.get(token) ?? null;
    this.entries.delete(token);
    return entry;
  }

  /** After a restore the remembered articles may not exist any more. */
  clear(): void {
    this.entries.clear();
  }
}
