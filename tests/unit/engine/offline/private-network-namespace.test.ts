/**
 * The private-network rule with nothing injected: the system's resolver, real sockets, a
 * public feed on a public address and a feed on a private network. They run in a network
 * namespace of their own (`unshare -rn`, Linux), where loopback also holds 203.0.113.7 and
 * 10.9.8.7 and nothing leaves the machine; the scenario is
 * tests/support/private-network-scenario.ts. Where user namespaces are not allowed the
 * test is skipped and says why.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCENARIO = fileURLToPath(new URL('../../../support/private-network-scenario.ts', import.meta.url));
const SETUP = 'ip link set lo up && ip addr add 203.0.113.7/32 dev lo && ip addr add 10.9.8.7/32 dev lo';

/** Why a namespace cannot be made here, or null when it can. */
function namespaceUnavailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  const probe = spawnSync('unshare', ['-rn', 'sh', '-c', SETUP], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error) return `unshare cannot run: ${probe.error.message}`;
  if (probe.status !== 0) return `no private network namespace here: ${probe.stderr.trim() || `exit ${probe.status}`}`;
  return null;
}

interface FeedReport {
  network: string;
  cached: string[];
  refused: Record<string, string | null>;
  asked: { lan: string[]; local: string[]; public: string[] };
}

const unavailable = namespaceUnavailable();

describe('the private-network rule in a network of its own', () => {
  it(
    'keeps a public feed out of private and loopback addresses, and a LAN feed in its own',
    { skip: unavailable ?? false },
    () => {
      const run = spawnSync(
        'unshare',
        ['-rn', 'sh', '-c', `${SETUP} && exec "${process.execPath}" --import tsx "${SCENARIO}"`],
        { encoding: 'utf8', timeout: 120_000 },
      );
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout) as { ports: Record<string, number>; public: FeedReport; lan: FeedReport };
      const { lan: lanPort, public: publicPort } = report.ports;

      const pub = report.public;
      assert.equal(pub.network, 'public', 'the address that served the feed decides');
      assert.deepEqual(pub.asked.lan, [], 'nothing reached the private network');
      assert.deepEqual(pub.asked.local, [], 'nothing reached this computer');
      assert.deepEqual(pub.cached, [
        `http://203.0.113.7:${publicPort}/own-p.png`,
        `http://203.0.113.7:${publicPort}/public-p.png`,
      ]);
      assert.equal(
        pub.refused[`http://[::ffff:10.9.8.7]:${lanPort}/mapped-p.png`],
        'image skipped: 10.9.8.7 is a private address and the feed is public',
      );
      assert.equal(
        pub.refused[`http://203.0.113.7:${publicPort}/to-lan-p.png`],
        'image skipped: 10.9.8.7 is a private address and the feed is public (203.0.113.7 redirected there)',
      );

      const lan = report.lan;
      assert.equal(lan.network, 'private');
      assert.deepEqual(lan.asked.local, [], 'a private network is not this computer');
      assert.match(
        lan.refused[`http://2130706433:${report.ports.local}/local-l.png`] ?? '',
        /127\.0\.0\.1 is a loopback address and the feed is on a private network/,
      );
      assert.ok(lan.cached.includes(`http://10.9.8.7:${lanPort}/lan-l.png`), 'its own network, directly');
      assert.ok(lan.cached.includes(`http://203.0.113.7:${publicPort}/to-lan-l.png`), 'and through a redirect');
    },
  );
});
