/**
 * Saved views as stored: a name, a place in the sidebar and the filter as JSON. The filter
 * is checked again when read back (viewFilterSchema): a row an older or newer build wrote
 * in a shape this one does not know is left out of the list, never a crash of the sidebar.
 */
import type { FeedId, TagId } from '../../../shared/domain.js';
import {
  viewFilterSchema,
  type SavedView,
  type SavedViewDraft,
  type ViewFilter,
  type ViewId,
} from '../../../shared/saved-views.js';
import { prepared, type Db } from './db.js';

interface ViewRow {
  id: number;
  name: string;
  position: number;
  filter: string;
  notify: number;
}

const COLUMNS = 'id, name, position, filter, notify';

function rowToView(row: ViewRow): SavedView | null {
  let json: unknown;
  try {
    json = JSON.parse(row.filter);
  } catch {
    json = undefined;
  }
  const filter = viewFilterSchema.safeParse(json);
  if (!filter.success) {
    console.error(`saved view ${row.id} left out: its filter is not one this version reads`, filter.error.issues);
    return null;
  }
  return { id: row.id, name: row.name, position: row.position, filter: filter.data, notify: row.notify === 1 };
}

/** Every readable saved view, in the sidebar's order. */
export function listSavedViews(db: Db): SavedView[] {
  return prepared<[], ViewRow>(db, `SELECT ${COLUMNS} FROM saved_views ORDER BY position, id`)
    .all()
    .map(rowToView)
    .filter((view): view is SavedView => view !== null);
}

/** One saved view; null when there is none (or its filter cannot be read). */
export function getSavedView(db: Db, id: ViewId): SavedView | null {
  const row = prepared<[number], ViewRow>(db, `SELECT ${COLUMNS} FROM saved_views WHERE id = ?`).get(id);
  return row ? rowToView(row) : null;
}

/** Adds a view at the end of the list. */
export function insertSavedView(db: Db, draft: SavedViewDraft, now: number): ViewId {
  const row = prepared<[string, string, number, number], { id: number }>(
    db,
    `INSERT INTO saved_views (name, position, filter, notify, created_at)
     VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM saved_views), ?, ?, ?) RETURNING id`,
  ).get(draft.name, JSON.stringify(draft.filter), draft.notify ? 1 : 0, now)!;
  return row.id;
}

/** Replaces a view's name, filter and notify; false when there is no such view. */
export function updateSavedView(db: Db, id: ViewId, draft: SavedViewDraft): boolean {
  return (
    prepared(db, 'UPDATE saved_views SET name = ?, filter = ?, notify = ? WHERE id = ?').run(
      draft.name,
      JSON.stringify(draft.filter),
      draft.notify ? 1 : 0,
      id,
    ).changes > 0
  );
}

/** Removes a view and closes the gap it leaves; false when there is no such view. */
export function deleteSavedView(db: Db, id: ViewId): boolean {
  return db.transaction(() => {
    const gone = prepared<[number], { position: number }>(
      db,
      'DELETE FROM saved_views WHERE id = ? RETURNING position',
    ).get(id);
    if (!gone) return false;
    prepared(db, 'UPDATE saved_views SET position = position - 1 WHERE position > ?').run(gone.position);
    return true;
  })();
}

/**
 * Puts the views in this order, 0 first, in one transaction. Rows not named (one whose
 * filter this version cannot read, so the sidebar never showed it) keep their order after.
 */
export function reorderSavedViews(db: Db, ids: readonly ViewId[]): void {
  db.transaction(() => {
    const rest = prepared<[string], { id: number }>(
      db,
      'SELECT id FROM saved_views WHERE id NOT IN (SELECT value FROM json_each(?)) ORDER BY position, id',
    )
      .all(JSON.stringify(ids))
      .map((r) => r.id);
    const place = prepared(db, 'UPDATE saved_views SET position = ? WHERE id = ?');
    [...ids, ...rest].forEach((id, position) => place.run(position, id));
  })();
}

/** The feeds and tags a filter names that do not exist (a view is refused with them). */
export function missingFilterIds(db: Db, filter: ViewFilter): { feeds: FeedId[]; tags: TagId[] } {
  const missing = (table: 'feeds' | 'tags', ids: readonly number[] | undefined): number[] =>
    ids?.length
      ? prepared<[string], { id: number }>(
          db,
          `SELECT value AS id FROM json_each(?) WHERE value NOT IN (SELECT id FROM ${table})`,
        )
          .all(JSON.stringify(ids))
          .map((r) => r.id)
      : [];
  return { feeds: missing('feeds', filter.feedIds), tags: missing('tags', filter.tags) };
}
