/**
 * The rules table (schema 10): each rule's name, place in the order and on/off switch as
 * columns, its match, conditions and actions as JSON. The JSON is checked against the
 * schema when read back (ruleDraftSchema): a row a newer build wrote in a shape this one
 * does not know is left out, never a crash of the refresh that runs the rules.
 */
import { ruleDraftSchema, type Rule, type RuleDraft, type RuleId } from '../../../shared/rules.js';
import type { FeedId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';
import { feedTagNames } from './tags.js';

interface RuleRow {
  id: number;
  name: string;
  position: number;
  enabled: number;
  definition: string;
}

const COLUMNS = 'id, name, position, enabled, definition';

function rowToRule(row: RuleRow): Rule | null {
  let definition: unknown;
  try {
    definition = JSON.parse(row.definition);
  } catch {
    definition = undefined;
  }
  const draft = ruleDraftSchema.safeParse({
    ...(typeof definition === 'object' ? definition : {}),
    name: row.name,
    enabled: row.enabled === 1,
  });
  if (!draft.success) {
    console.error(`rule ${row.id} left out: its definition is not one this version reads`, draft.error.issues);
    return null;
  }
  return { id: row.id, position: row.position, ...draft.data };
}

/** What the definition column holds: the draft less the columns of its own. */
function definitionOf(draft: RuleDraft): string {
  return JSON.stringify({ match: draft.match, conditions: draft.conditions, actions: draft.actions });
}

/** Every rule, in the order they run. */
export function listRules(db: Db): Rule[] {
  return prepared<[], RuleRow>(db, `SELECT ${COLUMNS} FROM rules ORDER BY position, id`)
    .all()
    .map(rowToRule)
    .filter((rule): rule is Rule => rule !== null);
}

/** One rule; null when there is none (or it cannot be read). */
export function getRule(db: Db, id: RuleId): Rule | null {
  const row = prepared<[number], RuleRow>(db, `SELECT ${COLUMNS} FROM rules WHERE id = ?`).get(id);
  return row ? rowToRule(row) : null;
}

export function countRules(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM rules').get()!.n;
}

/** Adds rules after the existing ones, in this order, in one transaction; returns their ids. */
export function appendRules(db: Db, drafts: readonly RuleDraft[], now: number): RuleId[] {
  return db.transaction(() => {
    const next = prepared<[], { p: number }>(db, 'SELECT coalesce(max(position) + 1, 0) AS p FROM rules').get()!.p;
    const insert = prepared(
      db,
      'INSERT INTO rules (name, position, enabled, definition, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    return drafts.map(
      (d, i) => Number(insert.run(d.name, next + i, d.enabled ? 1 : 0, definitionOf(d), now).lastInsertRowid) as RuleId,
    );
  })();
}

/** Replaces a rule's name, switch and definition; false when there is no such rule. */
export function updateRule(db: Db, id: RuleId, draft: RuleDraft): boolean {
  return (
    prepared(db, 'UPDATE rules SET name = ?, enabled = ?, definition = ? WHERE id = ?').run(
      draft.name,
      draft.enabled ? 1 : 0,
      definitionOf(draft),
      id,
    ).changes > 0
  );
}

/** Deletes a rule and closes the gap it leaves in the order; false when there is no such rule. */
export function deleteRule(db: Db, id: RuleId): boolean {
  return db.transaction(() => {
    const gone = prepared(db, 'DELETE FROM rules WHERE id = ?').run(id).changes > 0;
    if (gone) renumber(db, ruleIds(db));
    return gone;
  })();
}

/**
 * Puts the rules in this order (positions 0..n-1). Refused (false, nothing written) unless
 * `ids` names every rule exactly once: a window holding a stale list must not drop a rule
 * from the order or run one twice.
 */
export function reorderRules(db: Db, ids: readonly RuleId[]): boolean {
  return db.transaction(() => {
    const existing = ruleIds(db);
    const given = new Set(ids);
    if (given.size !== ids.length || given.size !== existing.length || existing.some((id) => !given.has(id)))
      return false;
    renumber(db, ids);
    return true;
  })();
}

function ruleIds(db: Db): RuleId[] {
  return prepared<[], { id: number }>(db, 'SELECT id FROM rules ORDER BY position, id')
    .all()
    .map((r) => r.id);
}

function renumber(db: Db, ids: readonly RuleId[]): void {
  const set = prepared(db, 'UPDATE rules SET position = ? WHERE id = ? AND position <> ?');
  ids.forEach((id, position) => set.run(position, id, position));
}

/**
 * Changes when another connection commits (the `syndic` CLI importing rules while the app
 * runs, a restore): the compiled rules are then read again. This connection's own writes
 * leave it as it is; the use cases that make them drop the compiled rules themselves.
 */
export function otherWritersVersion(db: Db): number {
  return prepared<[], { data_version: number }>(db, 'PRAGMA data_version').get()!.data_version;
}

/**
 * What a rule's `feed` and `tag` conditions compare with: the feed's name as the user set
 * it, its own title and its address; its tags' names. Empty for a feed that is gone.
 */
export function feedNamesAndTags(db: Db, feedId: FeedId): { names: string[]; tags: string[] } {
  const row = prepared<[number], { url: string; title: string | null; user_title: string | null }>(
    db,
    'SELECT url, title, user_title FROM feeds WHERE id = ?',
  ).get(feedId);
  if (!row) return { names: [], tags: [] };
  const names = [row.user_title, row.title, row.url].filter((n): n is string => !!n);
  return { names, tags: feedTagNames(db, feedId) };
}
