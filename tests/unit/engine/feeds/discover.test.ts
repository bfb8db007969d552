/**
 * Discovery against real loopback sites: an address typed without a scheme is tried over
 * https, and over http only when https cannot connect (a site that only speaks http), never
 * when https answers with an HTTP error; a page's feed titles come without the format
 * ("Blog (RSS)"), which the Add Feed dialog adds itself. The https cases run in a child
 * process that trusts the loopback test certificate (NODE_EXTRA_CA_CERTS is read at start).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { discoverFeeds } from '../../../../electron/engine/feeds/discover.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { fixture, fixturesDir } from '../../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };
const CERT = join(fixturesDir, 'tls', 'loopback-cert.pem');
const KEY = join(fixturesDir, 'tls', 'loopback-key.pem');

async function siteServer(t: TestContext, host: string): Promise<FeedServer> {
  const server = await startFeedServer({ host });
  t.after(async () => {
    await server.close();
    closeIdleConnections();
  });
  return server;
}

/** An https server on 127.0.0.1 with the test certificate: a feed at /feed.rss, 404 elsewhere. */
async function secureSite(t: TestContext): Promise<{ port: number; requests: string[] }> {
  const requests: string[] = [];
  const feed = fixture('feeds', 'misc.rss');
  const server = https.createServer({ key: readFileSync(KEY), cert: readFileSync(CERT) }, (req, res) => {
    requests.push(req.url ?? '/');
    if (req.url === '/feed.rss') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  return { port: (server.address() as AddressInfo).port, requests };
}

/** discoverFeeds(address) in a child process trusting the test certificate: its feeds or its error. */
async function discoverTrusting(address: string): Promise<{ urls?: string[]; kind?: string; status?: number }> {
  const script = `
    const { discoverFeeds } = await import(${JSON.stringify(new URL('../../../../electron/engine/feeds/discover.ts', import.meta.url).href)});
    try {
      const found = await discoverFeeds(process.argv[1]);
      console.log(JSON.stringify({ urls: found.map((f) => f.url) }));
    } catch (error) {
      console.log(JSON.stringify({ kind: error.kind ?? String(error), status: error.status }));
    }
    process.exit(0);`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, address],
    { env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT } },
  );
  return JSON.parse(stdout) as { urls?: string[]; kind?: string; status?: number };
}

describe('discovering feeds', () => {
  it('falls back to http for an address without a scheme when https cannot connect', async (t) => {
    // A site that only speaks http: https to it fails in the TLS handshake.
    const site = await siteServer(t, '127.0.0.31');
    site.serve('/feed.rss', { body: fixture('feeds', 'misc.rss'), contentType: 'application/rss+xml' });
    site.serve('/', {
      body: '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.rss"></head></html>',
      contentType: 'text/html',
    });
    const bare = `${site.host}:${site.port}`;

    const direct = await discoverFeeds(`${bare}/feed.rss`, fetchOptions);
    assert.deepEqual(
      direct.map((f) => f.url),
      [site.url('/feed.rss')],
    );
    const fromPage = await discoverFeeds(bare, fetchOptions);
    assert.deepEqual(
      fromPage.map((f) => f.url),
      [site.url('/feed.rss')],
    );
    // An address typed with https means https.
    await assert.rejects(discoverFeeds(`https://${bare}/feed.rss`, fetchOptions), { kind: 'tls' });
  });

  it('keeps to https when https answers, even with an HTTP error', async (t) => {
    const site = await secureSite(t);
    const found = await discoverTrusting(`127.0.0.1:${site.port}/feed.rss`);
    assert.deepEqual(found, { urls: [`https://127.0.0.1:${site.port}/feed.rss`] });
    // A 404 over https is the answer: asking again over plain http would reach the same
    // server with the wrong protocol, and the error would no longer be the 404.
    const missing = await discoverTrusting(`127.0.0.1:${site.port}/gone.rss`);
    assert.deepEqual(missing, { kind: 'http', status: 404 });
    assert.deepEqual(site.requests, ['/feed.rss', '/gone.rss']);
  });

  it("gives a page's feeds their titles without the format the dialog adds", async (t) => {
    const site = await siteServer(t, '127.0.0.32');
    const link = (type: string, href: string, title: string) =>
      `<link rel="alternate" type="${type}" href="${href}" title="${title}">`;
    site.serve('/', {
      body:
        '<html><head>' +
        link('application/rss+xml', '/posts.rss', 'Example Blog (RSS)') +
        link('application/atom+xml', '/posts.atom', 'Example Blog (Atom)') +
        link('application/feed+json', '/posts.json', 'Example Blog (JSON Feed)') +
        link('application/rss+xml', '/comments.rss', 'Comments [RSS 2.0]') +
        link('application/rss+xml', '/only.rss', '(RSS)') +
        link('application/rss+xml', '/rss-news.rss', 'RSS News') +
        '</head></html>',
      contentType: 'text/html',
    });
    const found = await discoverFeeds(site.url('/'), fetchOptions);
    assert.deepEqual(
      found.map((f) => [f.title, f.type]),
      [
        ['Example Blog', 'rss'],
        ['Example Blog', 'atom'],
        ['Example Blog', 'json'],
        ['Comments', 'rss'],
        [null, 'rss'],
        ['RSS News', 'rss'],
      ],
    );
  });
});
