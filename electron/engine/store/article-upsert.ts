/**
 * The refresh write path: one feed's parsed items into the store, in one transaction.
 * New items are inserted (queued for the full-text index), changed items have their content
 * replaced, read/starred state is never touched, and items that left the feed stay.
 * A new article takes the next id (the tables grow at their end) and a time-ordered sort
 * key, the place it takes in every list (article-key.ts).
 */
import type { ArticleId, FeedId } from '../../../shared/domain.js';
import type { ParsedItem } from '../feeds/parse.js';
import { isLegacyHash, legacyItemHash } from '../feeds/item-hash.js';
import { isPrepared, prepareItem, type PreparedItem } from '../feeds/prepare-item.js';
import { keyCeiling, keyFloor, sortTime } from './article-key.js';
import { prepared, type Db } from './db.js';
import { CountDeltas } from './feed-counts.js';
import { queueForIndex } from './search-backlog.js';
import type { ClassifyArticle, RuledArticle, RuleOutcome } from './rule-outcome.js';

export interface UpsertResult {
  inserted: ArticleId[];
  updated: ArticleId[];
  /** New articles some rule matched, with what it decided: the caller applies it (rule-outcome.ts). */
  ruled: RuledArticle[];
}

/** Guids worth matching across feeds: URLs, tag:/urn: URIs, long opaque ids. "1" is not. */
function isGlobalGuid(guid: string): boolean {
  return !guid.startsWith('sha1:') && (guid.includes(':') || guid.length >= 20);
}

interface ExistingRow {
  id: number;
  sort_key: number;
  content_hash: string;
}
interface StoryRow {
  id: number;
  story_id: number | null;
  read: number;
}

/**
 * Hands out time-ordered sort keys (see article-key) for one transaction: the first key
 * of a second comes from the table, the next ones from memory, since the rows are only
 * inserted once every key is known (in ascending order, see upsertFeedArticles).
 */
class KeyAllocator {
  private readonly next = new Map<number, number>();
  constructor(private readonly db: Db) {}

  allocate(sortMs: number): number {
    const floor = keyFloor(sortMs);
    let key = this.next.get(floor);
    if (key === undefined) {
      const max = prepared<[number, number], { m: number | null }>(
        this.db,
        'SELECT MAX(sort_key) AS m FROM articles WHERE sort_key >= ? AND sort_key < ?',
      ).get(floor, keyCeiling(sortMs))!.m;
      key = max == null ? floor : max + 1;
    }
    // Only after a million articles in one second does this spill into the next one.
    if (key >= keyCeiling(sortMs)) {
      while (prepared<[number], unknown>(this.db, 'SELECT 1 FROM articles WHERE sort_key = ?').get(key)) key++;
    }
    this.next.set(floor, key + 1);
    return key;
  }
}

/**
 * A copy of the post in another feed: by its story key first, else by its guid when the
 * guid is worth matching. One statement (the arms of a UNION ALL run in order, and LIMIT 1
 * stops at the first row), not two: a new article usually has no copy, and both lookups ran.
 */
function findCopy(db: Db, feedId: FeedId, key: string | null, guid: string): StoryRow | undefined {
  return prepared<[string | null, number, number, string, number], StoryRow>(
    db,
    `SELECT id, story_id, read FROM articles WHERE story_key = ? AND feed_id <> ?
     UNION ALL
     SELECT id, story_id, read FROM articles WHERE ? AND guid = ? AND feed_id <> ?
     LIMIT 1`,
  ).get(key, feedId, isGlobalGuid(guid) ? 1 : 0, guid, feedId);
}

/** A new item, with the place in the lists it will take. */
interface FreshRow {
  key: number;
  item: PreparedItem;
}

/** A stored article whose item changed. */
interface ChangedRow {
  id: ArticleId;
  key: number;
  item: PreparedItem;
}

/** Inserts a new article; returns the id it was given. */
function insertArticle(
  db: Db,
  feedId: FeedId,
  row: FreshRow,
  now: number,
  counts: CountDeltas,
  ruled: RuleOutcome | null,
): ArticleId {
  const { key: sortKey, item } = row;
  const storyKey = item.storyKey;
  const copy = findCopy(db, feedId, storyKey, item.id);
  let storyId: number | null = null;
  if (copy) {
    storyId = copy.story_id ?? copy.id;
    if (copy.story_id == null) prepared(db, 'UPDATE articles SET story_id = ? WHERE id = ?').run(storyId, copy.id);
  }
  // A copy of a post already read elsewhere arrives read, and so does one a rule marks read
  // or mutes: the row is written once with what the rules decided (see step 4 below).
  const read = ruled?.read || ruled?.mute ? 1 : (copy?.read ?? 0);
  const id = Number(
    prepared(
      db,
      `INSERT INTO articles (sort_key, feed_id, guid, url, story_key, story_id, is_dup, title, author, snippet,
       thumbnail_url, published_at, updated_at, fetched_at, content_hash, read, has_enclosure, starred, muted)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sortKey,
      feedId,
      item.id,
      item.link,
      storyKey,
      storyId,
      copy ? 1 : 0,
      item.title,
      item.author,
      item.snippet,
      item.thumbnailUrl,
      item.published ?? now,
      item.updated,
      now,
      item.hash,
      read,
      item.enclosures.length ? 1 : 0,
      ruled?.star ? 1 : 0,
      ruled?.mute ? 1 : 0,
    ).lastInsertRowid,
  );
  counts.add(feedId, 1, read ? 0 : 1);
  prepared(
    db,
    `INSERT INTO article_contents (article_id, canonical_url, summary, content, categories, enclosures)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    item.canonicalUrl,
    item.summary,
    item.content,
    JSON.stringify(item.categories),
    JSON.stringify(item.enclosures),
  );
  return id;
}

function updateArticle(db: Db, row: ChangedRow): void {
  const { id, item } = row;
  // Content columns only: read and starred belong to the user, not to the feed.
  prepared(
    db,
    `UPDATE articles SET url = ?, story_key = ?, title = ?, author = ?, snippet = ?, thumbnail_url = ?,
       updated_at = ?, content_hash = ?, has_enclosure = ? WHERE id = ?`,
  ).run(
    item.link,
    item.storyKey,
    item.title,
    item.author,
    item.snippet,
    item.thumbnailUrl,
    item.updated,
    item.hash,
    item.enclosures.length ? 1 : 0,
    id,
  );
  prepared(
    db,
    `UPDATE article_contents SET canonical_url = ?, summary = ?, content = ?, categories = ?, enclosures = ?
     WHERE article_id = ?`,
  ).run(
    item.canonicalUrl,
    item.summary,
    item.content,
    JSON.stringify(item.categories),
    JSON.stringify(item.enclosures),
    id,
  );
}

const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;

/**
 * Writes one feed's items in one transaction. Must not be called inside another
 * transaction that spans an await (none does: the caller parses first, then writes).
 */
export function upsertFeedArticles(
  db: Db,
  feedId: FeedId,
  items: readonly (ParsedItem | PreparedItem)[],
  now: number,
  classify?: ClassifyArticle,
): UpsertResult {
  const result: UpsertResult = { inserted: [], updated: [], ruled: [] };
  db.transaction(() => {
    // 1. Sort the items into new, changed and unchanged; new ones get their ids.
    const find = prepared<[string, number], ExistingRow>(
      db,
      'SELECT id, sort_key, content_hash FROM articles WHERE guid = ? AND feed_id = ?',
    );
    // Articles that retention removed stay removed while the feed still lists them.
    const removed = prepared<[number, string], unknown>(
      db,
      'SELECT 1 FROM removed_articles WHERE feed_id = ? AND guid = ?',
    );
    // A feed with no articles yet (its first fetch) or none removed (most) needs no
    // lookup per item: one each for the feed instead of one each for every item.
    const hasAny = (sql: string): boolean => prepared<[number], unknown>(db, sql).get(feedId) !== undefined;
    const stored = hasAny('SELECT 1 FROM articles WHERE feed_id = ? LIMIT 1');
    const anyRemoved = hasAny('SELECT 1 FROM removed_articles WHERE feed_id = ? LIMIT 1');
    const keys = new KeyAllocator(db);
    const fresh: FreshRow[] = [];
    const changed: ChangedRow[] = [];
    for (const raw of items) {
      // Items from the parse worker come prepared; others (tests, tools) are prepared here.
      const item = isPrepared(raw) ? raw : prepareItem(raw);
      const existing = stored ? find.get(item.id, feedId) : undefined;
      if (!existing) {
        if (!anyRemoved || !removed.get(feedId, item.id))
          fresh.push({ key: keys.allocate(sortTime(item.published, now)), item });
      } else if (existing.content_hash !== item.hash) {
        // Stored by an earlier version under its hash (item-hash.ts): the same content
        // is not a change, and the article only takes the new hash.
        if (isLegacyHash(existing.content_hash) && legacyItemHash(item) === existing.content_hash) {
          prepared(db, 'UPDATE articles SET content_hash = ? WHERE id = ?').run(item.hash, existing.id);
        } else changed.push({ id: existing.id, key: existing.sort_key, item });
      }
    }
    // 2. Write rows in ascending key order. Feeds list newest first, but SQLite appends
    //    fastest at the right edge of a B-tree (the key indexes', and the full-text
    //    index's, which flushes its pending terms whenever a rowid goes down).
    fresh.sort(byKey);
    changed.sort(byKey);
    // The rules, on new articles only (an edited post keeps what they decided the first
    // time), before the rows are written: what they mark read, star or mute is inserted so,
    // not written a second time (that cost five times the CPU of all the rest of applying
    // the outcomes: docs/performance.md, "Rules"). The caller still applies the outcomes
    // (rule-outcome.ts): tags, the full-text queue, a synced article's outbox entries.
    const outcomes = classify ? fresh.map((row) => classify(feedId, row.item)) : [];
    const counts = new CountDeltas();
    const inserted = fresh.map((row, i) => insertArticle(db, feedId, row, now, counts, outcomes[i] ?? null));
    for (const row of changed) updateArticle(db, row);
    counts.apply(db);
    // 3. The full-text index takes them in behind the writes, from the backlog (schema 11).
    queueForIndex(
      db,
      fresh.map((r) => r.key),
      'added',
    );
    queueForIndex(
      db,
      changed.map((r) => r.key),
      'changed',
    );
    // 4. What the rules decided, for the caller to finish applying.
    inserted.forEach((id, i) => {
      const outcome = outcomes[i];
      if (outcome) result.ruled.push({ id, outcome });
    });
    result.inserted = inserted;
    result.updated = changed.map((r) => r.id);
  })();
  return result;
}
