/**
 * The app's own privileged scheme (never file://): serves what doors/static-files.ts
 * resolves, the built renderer under the Electron CSP and the offline image cache under
 * its own strict policy.
 */
import { protocol } from 'electron';
import type { StaticFiles } from '../doors/static-files.js';
import { APP_SCHEME } from './window-options.js';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppProtocol(files: StaticFiles): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await files.resolve(url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
  });
}
