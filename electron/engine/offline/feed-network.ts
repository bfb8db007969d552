/**
 * The kind of network a feed lives in, as the private-network rule needs it: what its
 * last fetch found (store/feed-network.ts); before that (a feed not refreshed since
 * schema 9, or one a sync server fetches) what its address says without DNS (a literal,
 * `localhost`, a local name); else public, the strictest answer. Never a fresh DNS
 * answer: the feed's owner controls that.
 */
import { knownNetworkKindOf, type NetworkKind } from '../../../shared/network-kind.js';
import type { AddressGuard, Resolve } from '../feeds/address-guard.js';

export function feedNetworkOf(feed: { url: string; network: NetworkKind | null } | null): NetworkKind {
  if (feed?.network) return feed.network;
  let url: URL;
  try {
    url = new URL(feed?.url ?? '');
  } catch {
    return 'public';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'public';
  return knownNetworkKindOf(url.hostname) ?? 'public';
}

/** The guard for what a feed's article names: `what` says which, in the message. */
export function guardFor(what: string, feedNetwork: NetworkKind, resolve: Resolve | undefined): AddressGuard {
  return resolve ? { what, feedNetwork, resolve } : { what, feedNetwork };
}
