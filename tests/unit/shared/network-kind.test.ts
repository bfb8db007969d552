/**
 * The address classes of the private-network rule (shared/network-kind.ts), on every way
 * an address can be written in a URL: WHATWG URL parsing turns decimal, octal, hex and
 * shortened IPv4 into dotted form, and IPv6 forms that carry an IPv4 address are looked
 * inside.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownNetworkKindOf, mayReach, networkKindOf, type NetworkKind } from '../../../shared/network-kind.js';

/** The kind of a URL's host, as the engine and the sanitiser see it after URL parsing. */
const kindOfUrl = (url: string) => knownNetworkKindOf(new URL(url).hostname);

describe('network kinds', () => {
  it('classifies every written form of an address as the address it is', () => {
    const cases: [string, NetworkKind][] = [
      ['http://127.0.0.1/', 'loopback'],
      ['http://2130706433/', 'loopback'],
      ['http://0x7f000001/', 'loopback'],
      ['http://0x7f.0.0.1/', 'loopback'],
      ['http://0177.0.0.1/', 'loopback'],
      ['http://017700000001/', 'loopback'],
      ['http://127.1/', 'loopback'],
      ['http://127.255.255.254/', 'loopback'],
      ['http://[::1]/', 'loopback'],
      ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
      ['http://[::ffff:127.0.0.1]/', 'loopback'],
      ['http://[::ffff:7f00:1]/', 'loopback'],
      ['http://[::127.0.0.1]/', 'loopback'],
      ['http://[::ffff:0:7f00:1]/', 'loopback'],
      ['http://[64:ff9b::7f00:1]/', 'loopback'],
      ['http://3232235777/', 'private'],
      ['http://0xc0.0xa8.1.1/', 'private'],
      ['http://10.1/', 'private'],
      ['http://172.16.0.1/', 'private'],
      ['http://172.31.255.255/', 'private'],
      ['http://192.168.1.1/', 'private'],
      ['http://[::ffff:192.168.1.1]/', 'private'],
      ['http://[2002:c0a8:101::1]/', 'private'],
      ['http://[fc00::1]/', 'private'],
      ['http://[fd12:3456::1]/', 'private'],
      ['http://[fec0::1]/', 'private'],
      ['http://169.254.169.254/', 'link-local'],
      ['http://[fe80::1]/', 'link-local'],
      ['http://[::ffff:169.254.169.254]/', 'link-local'],
      ['http://100.64.0.1/', 'carrier-grade-nat'],
      ['http://100.127.255.255/', 'carrier-grade-nat'],
      ['http://0.0.0.0/', 'unspecified'],
      ['http://0/', 'unspecified'],
      ['http://[::]/', 'unspecified'],
      ['http://8.8.8.8/', 'public'],
      ['http://134744072/', 'public'],
      ['http://172.32.0.1/', 'public'],
      ['http://100.128.0.1/', 'public'],
      ['http://[2606:4700::1111]/', 'public'],
      ['http://[::ffff:8.8.8.8]/', 'public'],
      ['http://[64:ff9b::808:808]/', 'public'],
      // Documentation and benchmarking ranges are not local: some VPNs hand out 198.18/15.
      ['http://203.0.113.7/', 'public'],
      ['http://198.18.0.1/', 'public'],
    ];
    for (const [url, kind] of cases) assert.equal(kindOfUrl(url), kind, url);
  });

  it('knows the names reserved for local networks, and leaves other names to DNS', () => {
    assert.equal(kindOfUrl('http://localhost:8080/'), 'loopback');
    assert.equal(kindOfUrl('http://LOCALHOST./'), 'loopback');
    assert.equal(kindOfUrl('http://app.localhost/'), 'loopback');
    assert.equal(kindOfUrl('http://printer.local/'), 'private');
    assert.equal(kindOfUrl('http://router.home.arpa/'), 'private');
    assert.equal(kindOfUrl('http://build.internal/'), 'private');
    assert.equal(kindOfUrl('http://nas/'), 'private');
    assert.equal(kindOfUrl('http://news.example/'), null);
    assert.equal(kindOfUrl('http://127.0.0.1.nip.io/'), null, 'a name: only a resolver can tell');
  });

  it('classifies what a resolver answers', () => {
    assert.equal(networkKindOf('192.168.0.10'), 'private');
    assert.equal(networkKindOf('::ffff:10.0.0.1'), 'private');
    assert.equal(networkKindOf('2001:0:4136:e378:8000:63bf:3f57:fefe'), 'private', 'Teredo: client 192.168.1.1');
    assert.equal(networkKindOf('93.184.215.14'), 'public');
  });

  it('lets a feed reach public addresses and its own kind of network only', () => {
    assert.equal(mayReach('public', 'public'), true);
    assert.equal(mayReach('public', 'loopback'), true);
    assert.equal(mayReach('loopback', 'loopback'), true);
    assert.equal(mayReach('private', 'private'), true);
    assert.equal(mayReach('loopback', 'public'), false);
    assert.equal(mayReach('private', 'public'), false);
    assert.equal(mayReach('private', 'loopback'), false);
    assert.equal(mayReach('link-local', 'private'), false);
    assert.equal(mayReach('unspecified', 'public'), false);
  });
});
