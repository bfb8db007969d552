/**
 * The one static file server (electron/doors/static-files.ts), which both browser mode and
 * Electron's app protocol use: no address reaches a file outside the renderer folder,
 * however it is encoded, and what it serves carries its security headers.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CACHED_IMAGE_CSP } from '../../../electron/doors/csp.js';
import { rendererFilePath, staticFiles, type StaticFiles } from '../../../electron/doors/static-files.js';
import { tempDir } from '../../support/temp.js';

const APP_CSP = "default-src 'none'; script-src 'self'";
const IMAGE_HASH = 'ab'.repeat(32);

describe('static files: the renderer folder and the image cache', () => {
  let dir: ReturnType<typeof tempDir>;
  let rendererDir: string;
  let secret: string;
  let files: StaticFiles;

  before(() => {
    dir = tempDir();
    rendererDir = join(dir.path, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Syndic</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // What an attacker would be after: a file beside the folder, and one in a folder whose
    // name starts with the renderer folder's.
    secret = join(dir.path, 'secret.txt');
    writeFileSync(secret, 'secret');
    mkdirSync(join(dir.path, 'renderer-evil'));
    writeFileSync(join(dir.path, 'renderer-evil', 'secret.txt'), 'secret');
    writeFileSync(join(dir.path, 'image.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    files = staticFiles({
      rendererDir,
      appCsp: () => APP_CSP,
      cachedImage: (pathname) =>
        pathname === `/cache/images/${IMAGE_HASH}`
          ? { path: join(dir.path, 'image.svg'), type: 'image/svg+xml' }
          : pathname === `/cache/images/${'cd'.repeat(32)}`
            ? { path: join(dir.path, 'evicted.svg'), type: 'image/svg+xml' }
            : null,
    });
  });
  after(() => dir.remove());

  const traversals = (): string[] => [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%252e%252e/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%252fsecret.txt',
    `/${secret}`,
    `//${secret.slice(1)}`,
    `/${encodeURIComponent(secret)}`,
    '/../renderer-evil/secret.txt',
    '/%2e%2e%2frenderer-evil%2fsecret.txt',
    '/index.html%00',
    '/index.html%00.png',
    '/\0index.html',
    '/%E0%A4%A',
    '/..',
    '/.',
  ];

  it('resolves no path that leaves the renderer folder, however it is encoded', () => {
    for (const pathname of traversals()) assert.equal(rendererFilePath(rendererDir, pathname), null, pathname);
  });

  it('serves nothing for those paths either', async () => {
    for (const pathname of traversals()) assert.equal(await files.resolve(pathname), null, pathname);
  });

  it('looks up an absolute-looking path inside the folder, never from the root of the disk', async () => {
    assert.equal(rendererFilePath(rendererDir, '/etc/passwd'), join(rendererDir, 'etc', 'passwd'));
    assert.equal(await files.resolve('/etc/passwd'), null);
  });

  it('serves a renderer file with the app policy and the hardening headers', async () => {
    assert.equal(rendererFilePath(rendererDir, '/'), join(rendererDir, 'index.html'));
    assert.equal(rendererFilePath(rendererDir, '/assets/../index.html'), join(rendererDir, 'index.html'));
    const page = (await files.resolve('/'))!;
    assert.equal(page.body.toString(), '<!doctype html><title>Syndic</title>');
    assert.deepEqual(page.headers, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-cache',
    });
    const script = (await files.resolve('/assets/app.js'))!;
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(script.headers['content-security-policy'], APP_CSP);
    assert.equal(await files.resolve('/assets/missing.js'), null);
  });

  it('serves a cached image under the policy that lets it do nothing but be an image', async () => {
    const image = (await files.resolve(`/cache/images/${IMAGE_HASH}`))!;
    assert.equal(image.body.toString(), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    assert.equal(image.headers['content-type'], 'image/svg+xml');
    assert.equal(image.headers['content-security-policy'], CACHED_IMAGE_CSP);
    assert.match(CACHED_IMAGE_CSP, /default-src 'none'.*sandbox/);
    assert.equal(image.headers['x-content-type-options'], 'nosniff');
    assert.equal(await files.resolve(`/cache/images/${'cd'.repeat(32)}`), null, 'a row whose file is gone: 404');
  });
});
