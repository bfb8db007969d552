/**
 * The private-network rule where the connection is made (docs/security.md): what an
 * article names may reach a loopback, private, link-local, carrier-grade NAT or
 * unspecified address only when its feed lives in that same kind of network. A public
 * feed must not make the reader's machine ask their router or a local service for
 * anything.
 *
 * The check sits in the socket's own DNS lookup, so the address checked is the address
 * connected to: there is no second resolution a rebinding DNS server could answer
 * differently. An address literal never reaches a lookup (Node connects to it directly),
 * so it is checked before the request. Redirects make new requests, checked the same way.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import {
  describeFeedNetwork,
  describeNetworkKind,
  ipLiteralOf,
  mayReach,
  networkKindOf,
  plainAddress,
  type NetworkKind,
} from '../../../shared/network-kind.js';
import { FetchError } from './fetch-error.js';

/** A name's addresses, as dns.lookup gives them with `all`. Tests inject their own. */
export type Resolve = (hostname: string) => Promise<dns.LookupAddress[]>;

export const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

export interface AddressGuard {
  /** What is fetched, for the message: "image", "full article", "icon". */
  what: string;
  /** The kind of network the article's feed lives in. */
  feedNetwork: NetworkKind;
  resolve?: Resolve;
}

/** A fetch refused by the rule: never worth trying again, and never the network's fault. */
export class AddressRefusedError extends FetchError {
  constructor(message: string) {
    super('bad-url', message);
    this.name = 'AddressRefusedError';
  }
}

/** Where a request is going: its host, and the host that redirected it there, if any. */
export interface Destination {
  host: string;
  redirectedFrom?: string;
}

function refusal(guard: AddressGuard, to: Destination, address: string, kind: NetworkKind): AddressRefusedError {
  const plain = plainAddress(address);
  const target =
    ipLiteralOf(to.host) !== null
      ? `${plain} is ${describeNetworkKind(kind)}`
      : `${to.host} resolves to ${plain}, ${describeNetworkKind(kind)},`;
  const via = to.redirectedFrom ? ` (${to.redirectedFrom} redirected there)` : '';
  return new AddressRefusedError(
    `${guard.what} skipped: ${target} and the feed is ${describeFeedNetwork(guard.feedNetwork)}${via}`,
  );
}

/** Throws when the host is an address literal the rule refuses; names are left to the lookup. */
export function checkLiteralHost(guard: AddressGuard, to: Destination): void {
  const literal = ipLiteralOf(to.host);
  if (!literal) return;
  const kind = networkKindOf(literal);
  if (!mayReach(kind, guard.feedNetwork)) throw refusal(guard, to, literal, kind);
}

/**
 * A lookup for net.connect that answers only with addresses the rule allows: the socket
 * then connects to one of exactly those. A name with none left fails with the reason.
 */
export function guardedLookup(guard: AddressGuard, to: Destination): LookupFunction {
  const resolve = guard.resolve ?? systemResolve;
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
        const offered = addresses.filter((a) => family === 0 || a.family === family);
        const allowed = offered.filter((a) => mayReach(networkKindOf(a.address), guard.feedNetwork));
        const first = allowed[0];
        if (!first) {
          const refused = offered[0];
          if (!refused)
            return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
          return callback(refusal(guard, to, refused.address, networkKindOf(refused.address)), '');
        }
        if (options.all) callback(null, allowed);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
