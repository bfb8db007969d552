/**
 * Which kind of network an address belongs to, for the private-network rule (docs/security.md):
 * what an article names (an image, a page, an icon, a video) may reach a loopback,
 * private, link-local, carrier-grade NAT or unspecified address only when its feed lives
 * in that same kind of network. The ranges are ipaddr.js's; this module only groups them
 * and looks inside IPv6 forms that carry an IPv4 address, which a router or the kernel
 * turns back into that address. Pure: both the engine (after DNS) and the renderer's
 * sanitiser (address literals and reserved names only) use it.
 */
import ipaddr from 'ipaddr.js';

export type NetworkKind = 'public' | 'loopback' | 'private' | 'link-local' | 'carrier-grade-nat' | 'unspecified';

/** ipaddr.js's range names, grouped into the kinds the rule speaks of; the rest is public. */
const KIND_OF_RANGE: Record<string, NetworkKind> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private',
  // fec0::/10, the private range of IPv6 before fc00::/7 replaced it.
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade-nat',
  unspecified: 'unspecified',
};

/** The IPv4 address inside an IPv6 form that stands for one, or null. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const parts = address.parts;
  const v4 = (high: number, low: number): ipaddr.IPv4 => new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
  switch (address.range()) {
    // ::ffff:0:a.b.c.d (SIIT) and 64:ff9b::a.b.c.d (NAT64): translated to the IPv4 address.
    case 'rfc6145':
    case 'rfc6052':
      return v4(parts[6]!, parts[7]!);
    // 2002:aabb:ccdd::/48 (6to4): tunnelled to the IPv4 address aa.bb.cc.dd.
    case '6to4':
      return v4(parts[1]!, parts[2]!);
    // Teredo: the client's IPv4 address, stored inverted in the last 32 bits.
    case 'teredo':
      return v4(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff);
  }
  // ::a.b.c.d, the deprecated "IPv4-compatible" form (:: and ::1 have ranges of their own).
  if (parts.slice(0, 6).every((part) => part === 0) && address.range() === 'unicast') return v4(parts[6]!, parts[7]!);
  return null;
}

/** An IP address as written in a URL's host (`[::1]`, `127.0.0.1`), or null for a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  // Only the canonical forms: the WHATWG URL parser has already turned 2130706433, 0x7f.1
  // and 0177.0.0.1 into 127.0.0.1, and a resolver answers in canonical form.
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare) ? bare : null;
}

/** An address as people write it: ::ffff:a09:807 is 10.9.8.7. */
export function plainAddress(address: string): string {
  return ipaddr.process(address.replace(/^\[|\]$/g, '')).toString();
}

/** The kind of network an IP address belongs to. Throws on something that is not one. */
export function networkKindOf(address: string): NetworkKind {
  const parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  const kind = KIND_OF_RANGE[parsed.range()];
  if (kind) return kind;
  if (parsed.kind() === 'ipv6') {
    const inner = embeddedIPv4(parsed as ipaddr.IPv6);
    if (inner) return KIND_OF_RANGE[inner.range()] ?? 'public';
  }
  return 'public';
}

/**
 * The kind of network a URL's host is known to be in without asking DNS: an address
 * literal, or a name reserved for one kind (`localhost` for loopback, RFC 6761; `.local`,
 * `.home.arpa`, `.internal` and names of one label, which only a local network resolves).
 * Null for any other name: only a resolver can tell, and only the engine has one.
 */
export function knownNetworkKindOf(hostname: string): NetworkKind | null {
  const literal = ipLiteralOf(hostname);
  if (literal) return networkKindOf(literal);
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name) return null;
  if (name === 'localhost' || name.endsWith('.localhost')) return 'loopback';
  if (!name.includes('.') || /\.(?:local|home\.arpa|internal)$/.test(name)) return 'private';
  return null;
}

/** The rule itself: a public address always; any other only from a feed in the same kind of network. */
export function mayReach(target: NetworkKind, feed: NetworkKind): boolean {
  return target === 'public' || target === feed;
}

const ADDRESS_NAMES: Record<NetworkKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private address',
  'link-local': 'a link-local address',
  'carrier-grade-nat': 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
};

const FEED_PLACES: Record<NetworkKind, string> = {
  public: 'public',
  loopback: 'on this computer',
  private: 'on a private network',
  'link-local': 'on a link-local network',
  'carrier-grade-nat': 'behind carrier-grade NAT',
  unspecified: 'at an unspecified address',
};

/** "a private address": for messages that say what was refused. */
export function describeNetworkKind(kind: NetworkKind): string {
  return ADDRESS_NAMES[kind];
}

/** "public", "on a private network": for "…and the feed is …". */
export function describeFeedNetwork(kind: NetworkKind): string {
  return FEED_PLACES[kind];
}
