/**
 * Checks on the address a user gives for a sync server: http(s) only, and a warning when a
 * password would cross the internet unencrypted (plain http is fine on loopback and
 * private networks, where many people run their TT-RSS or FreshRSS).
 */
import { isIP } from 'node:net';

export function parseServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not an address. Type the server's address, e.g. https://rss.example.org/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${raw}" is not an http:// or https:// address.`);
  }
  if (url.username || url.password) {
    throw new Error('Put the user name and password in their own fields, not in the address.');
  }
  return url;
}

/** Loopback, RFC 1918, link-local, CGNAT, fc00::/7, or a name that only a local network resolves. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.lan')) {
    return true;
  }
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6) return host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return false;
}

/** A warning for plain http to a public host; null when the address is fine. */
export function insecureWarning(url: URL): string | null {
  if (url.protocol === 'https:' || isLocalHost(url.hostname)) return null;
  return `${url.host} is reached over plain http: your password and articles cross the network unencrypted. Use https:// if the server offers it.`;
}
