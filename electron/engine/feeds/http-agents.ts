/**
 * The keep-alive agents of the HTTP client: two sockets per host (the per-host politeness
 * limit). Fetches under the private-network rule (address-guard.ts) get agents of their
 * own, one pair per kind of feed network: a kept-alive socket skips the lookup that checks
 * the address, so a socket opened for a feed on this computer must never carry a public
 * feed's image request to the same host.
 */
import http from 'node:http';
import https from 'node:https';
import type { NetworkKind } from '../../../shared/network-kind.js';

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

const OPTIONS = { keepAlive: true, maxSockets: 2, maxFreeSockets: 2, timeout: 60_000 };

function newPair(): AgentPair {
  return { http: new http.Agent(OPTIONS), https: new https.Agent(OPTIONS) };
}

/** Feeds (and discovery): what the user chose to follow, not under the rule. */
let unguarded = newPair();
/** Under the rule, by the kind of network of the feed that named what is fetched. */
const guarded = new Map<NetworkKind, AgentPair>();

export function agentFor(protocol: string, feedNetwork: NetworkKind | null): http.Agent {
  let pair = unguarded;
  if (feedNetwork) {
    pair = guarded.get(feedNetwork) ?? newPair();
    guarded.set(feedNetwork, pair);
  }
  return protocol === 'https:' ? pair.https : pair.http;
}

/** Closes idle keep-alive sockets, so a CLI run can exit at once. */
export function closeIdleConnections(): void {
  for (const pair of [unguarded, ...guarded.values()]) {
    pair.http.destroy();
    pair.https.destroy();
  }
  unguarded = newPair();
  guarded.clear();
}
