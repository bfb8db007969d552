/**
 * The one static file server of the app, transport-free: which file answers a path (the
 * built renderer, or a cached image of the offline cache), with its type and its headers.
 * Browser mode's HTTP server and Electron's app protocol both serve what this resolves, so
 * the path checks (no way out of the renderer folder) and the security headers are
 * written once.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CACHED_IMAGE_CSP } from './csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  headers: Record<string, string>;
}

export type CachedImageLookup = (
  pathname: string,
) => Promise<{ path: string; type: string } | null> | { path: string; type: string } | null;

export interface StaticFiles {
  /** The file for a URL path, or null (404) for anything outside the renderer or missing. */
  resolve(pathname: string): Promise<StaticFile | null>;
}

/**
 * A renderer file inside `rendererDir` only: the path is decoded, then resolved, then
 * checked to stay below the folder, so `..`, `%2e%2e` and encoded separators end outside
 * and get null. What no built renderer file's address has is refused before that, the
 * same on every platform: NUL, a backslash (a separator on Windows, a name elsewhere), a
 * `%` left after decoding (double encoding), an empty segment (`//etc/passwd`).
 */
export function rendererFilePath(rendererDir: string, pathname: string): string | null {
  const root = resolve(rendererDir);
  let path: string;
  try {
    path = pathname === '/' ? '/index.html' : decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\0\\%]|\/\//.test(path)) return null;
  const file = resolve(join(root, path));
  return file.startsWith(root + sep) ? file : null;
}

export function staticFiles(options: {
  rendererDir: string;
  /** The app's policy for renderer pages (it differs between Electron and browser mode). */
  appCsp: () => string;
  cachedImage?: CachedImageLookup;
}): StaticFiles {
  return {
    async resolve(pathname): Promise<StaticFile | null> {
      const image = await options.cachedImage?.(pathname);
      if (image) {
        const body = await readFile(image.path).catch(() => null);
        if (!body) return null;
        const headers: Record<string, string> = {
          // An SVG opened on its own must not run script on the app's origin (see csp.ts).
          'content-type': image.type,
          'content-security-policy': CACHED_IMAGE_CSP,
          'x-content-type-options': 'nosniff',
          // The address is the content's hash: it never changes.
          'cache-control': 'private, max-age=31536000, immutable',
        };
        return { body, headers };
      }
      const file = rendererFilePath(options.rendererDir, pathname);
      if (!file) return null;
      const body = await readFile(file).catch(() => null);
      if (!body) return null;
      return {
        body,
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': options.appCsp(),
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'cache-control': 'no-cache',
        },
      };
    },
  };
}
