/**
 * Schema 9: the kind of network each feed lives in.
 *
 * `feeds.network` is the kind of the address that last answered the feed's own fetch
 * (shared/network-kind.ts), written by every successful refresh. The private-network rule
 * (docs/security.md) lets what a feed's articles name reach a loopback, private,
 * link-local, carrier-grade NAT or unspecified address only when the feed lives in that
 * same kind of network. It is taken from the connection that served the feed, not from a
 * fresh DNS answer, because the feed's owner controls the feed's DNS and could name any
 * network at the moment of the check. NULL until the next refresh, and for feeds a sync
 * server fetches: the feed's address decides then, when it is a literal or a local name.
 */
import type { Migration } from './index.js';

export const migration009: Migration = {
  version: 9,
  description: 'the kind of network each feed lives in',
  up(db) {
    db.exec(`
      ALTER TABLE feeds ADD COLUMN network TEXT
        CHECK (network IN ('public', 'loopback', 'private', 'link-local', 'carrier-grade-nat', 'unspecified'));
    `);
  },
};
