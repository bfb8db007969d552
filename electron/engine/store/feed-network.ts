/**
 * The kind of network a feed lives in (schema 9): written from the address that answered
 * its last successful fetch, read by the offline cache to apply the private-network rule
 * to what the feed's articles name (docs/security.md).
 */
import type { FeedId } from '../../../shared/domain.js';
import type { NetworkKind } from '../../../shared/network-kind.js';
import { prepared, type Db } from './db.js';

export function recordFeedNetwork(db: Db, id: FeedId, network: NetworkKind): void {
  // Written only when it changed: a feed stays where it is, and the row need not be rewritten.
  prepared(db, 'UPDATE feeds SET network = ? WHERE id = ? AND network IS NOT ?').run(network, id, network);
}

/** The feed's address and the network its last fetch found it in (null: not fetched since schema 9). */
export function feedNetworkRow(db: Db, id: FeedId): { url: string; network: NetworkKind | null } | null {
  return (
    prepared<[number], { url: string; network: NetworkKind | null }>(
      db,
      'SELECT url, network FROM feeds WHERE id = ?',
    ).get(id) ?? null
  );
}
