/**
 * Marking many articles read at once: the whole view, what is above or below an article,
 * what is older than a day or a week, and what the reader scrolled past. Each but the last
 * says how many it marked, with an Undo. Rows are shown read at once; the engine marks the
 * rows not loaded yet (a view's "below", its "older than").
 */
import type { MarkReadResult } from '../../../../shared/api.js';
import type { ArticleId } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { unreadAbove, unreadBelow, unreadOlderThan } from '../list-marks.js';
import { getState, update } from '../store.js';
import { currentQuery, loadList, patchRead } from './list.js';
import { attempt, showToast } from './toasts.js';

/** The most ids one markRead call takes (its schema's limit). */
const IDS_PER_CALL = 10_000;
const DAY_MS = 86_400_000;

/** What one marking did, for its toast and its undo. */
interface Marked {
  count: number;
  undoTokens: string[];
}

function marked(results: MarkReadResult[]): Marked {
  return {
    count: results.reduce((sum, r) => sum + r.count, 0),
    undoTokens: results.flatMap((r) => (r.undoToken ? [r.undoToken] : [])),
  };
}

/** Marks these ids read, in as many calls as the limit asks. */
async function markIdsRead(ids: readonly ArticleId[]): Promise<Marked> {
  const results: MarkReadResult[] = [];
  for (let at = 0; at < ids.length; at += IDS_PER_CALL)
    results.push(await api.markRead(ids.slice(at, at + IDS_PER_CALL), true));
  return marked(results);
}

/**
 * Says what a marking did, with an Undo that restores exactly those articles; `shown` are
 * the rows to show unread again then (a whole view reloads instead: too many to patch).
 */
function announce(done: Marked, nothing: string, shown: readonly ArticleId[] | 'reload'): void {
  if (done.count === 0) return showToast(nothing);
  const undo = async (): Promise<void> => {
    let restored = 0;
    for (const token of done.undoTokens) {
      const n = await attempt(() => api.undoMarkRead(token));
      if (n === undefined) return;
      restored += n;
    }
    showToast(t('list.marked.unreadAgain', { count: restored }));
    if (shown === 'reload') await loadList();
    else patchRead(shown, false);
  };
  showToast(
    t('list.marked.read', { count: done.count }),
    'info',
    done.undoTokens.length ? { label: t('app.toast.undo'), run: () => void undo() } : undefined,
    10_000,
  );
}

export async function markAllRead(): Promise<void> {
  const result = await attempt(() => api.markViewRead(currentQuery(), null));
  if (!result) return;
  update((s) => ({ articles: { ...s.articles, items: s.articles.items.map((a) => ({ ...a, read: true })) } }));
  announce(marked([result]), t('list.marked.nothingHere'), 'reload');
}

/** The articles listed above this one (all loaded): newer ones when newest first, older when oldest first. */
export async function markAboveRead(id = getState().selection.articleId): Promise<void> {
  if (id == null) return showToast(t('list.marked.selectFirstAbove'));
  const ids = unreadAbove(getState().articles.items, id);
  if (!ids.length) return showToast(t('list.marked.nothingAbove'));
  patchRead(ids, true);
  const done = await attempt(() => markIdsRead(ids));
  if (!done) return patchRead(ids, false);
  announce(done, t('list.marked.nothingAbove'), ids);
}

/** The articles listed below this one, loaded or not (the engine follows the list's order). */
export async function markBelowRead(id = getState().selection.articleId): Promise<void> {
  if (id == null) return showToast(t('list.marked.selectFirstBelow'));
  const shown = unreadBelow(getState().articles.items, id);
  const result = await attempt(() => api.markViewRead({ ...currentQuery(), below: id }, null));
  if (!result) return;
  patchRead(shown, true);
  announce(marked([result]), t('list.marked.nothingBelow'), shown);
}

/** The view's articles published more than `days` days ago ("before" is a publication time). */
export async function markOlderThanRead(days: number): Promise<void> {
  const before = Date.now() - days * DAY_MS;
  const result = await attempt(() => api.markViewRead(currentQuery(), before));
  if (!result) return;
  const shown = unreadOlderThan(getState().articles.items, before);
  patchRead(shown, true);
  announce(marked([result]), t('list.marked.nothingOlder', { days }), shown);
}

/** Articles scrolled past the top of the list, a batch at a time; quietly, as a reader expects. */
export async function markScrolledRead(ids: readonly ArticleId[]): Promise<void> {
  if (!ids.length) return;
  patchRead(ids, true);
  if (!(await attempt(() => markIdsRead(ids)))) patchRead(ids, false);
}
