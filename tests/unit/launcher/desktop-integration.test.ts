/**
 * The desktop integration that runs without Electron: feed: links turned into the address
 * to subscribe to, and better-sqlite3's Electron build made only when it is not already
 * in the cache (a second `npm start` builds nothing).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { electronBindingPath, ensureElectronBinding } from '../../../electron/launcher/native-module.js';
import { feedLinkToHttp } from '../../../shared/url.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('feed: links', () => {
  it('become the http(s) address they point to', () => {
    assert.equal(feedLinkToHttp('feed://example.com/rss.xml'), 'http://example.com/rss.xml');
    assert.equal(feedLinkToHttp('feed:https://example.com/atom'), 'https://example.com/atom');
    assert.equal(feedLinkToHttp('FEED:http://example.com/a?b=c'), 'http://example.com/a?b=c');
    assert.equal(feedLinkToHttp('  feed://example.com/  '), 'http://example.com/');
  });

  it('refuse anything that is not a feed link to a web address', () => {
    for (const link of [
      'https://example.com/rss',
      'feed:javascript:alert(1)',
      'feed:file:///etc/passwd',
      'feed:',
      '/home/me/list.opml',
    ])
      assert.equal(feedLinkToHttp(link), null, link);
  });
});

describe("better-sqlite3's Electron build", () => {
  it('is keyed by better-sqlite3, Electron, platform and arch, beside the Node build', () => {
    const path = electronBindingPath(root, { electronVersion: '45.4.1', platform: 'darwin', arch: 'arm64' });
    assert.match(
      path.replaceAll('\\', '/'),
      /node_modules\/\.cache\/syndic-native\/better-sqlite3-[\d.]+-electron-45\.4\.1-darwin-arm64\/better_sqlite3\.node$/,
    );
  });

  it('is not built again when the cache has it', () => {
    const target = { electronVersion: '0.0.0-syndic-cache-test', platform: process.platform, arch: process.arch };
    const cached = electronBindingPath(root, target);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, 'cached');
    const said: string[] = [];
    try {
      assert.equal(
        ensureElectronBinding(root, target, (line) => said.push(line)),
        cached,
      );
      assert.deepEqual(said, [], 'nothing was built or downloaded');
    } finally {
      rmSync(dirname(cached), { recursive: true, force: true });
    }
    assert.ok(!existsSync(cached));
  });
});
