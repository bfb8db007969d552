/**
 * `npm start`: the desktop app when Electron's binary is installed; otherwise one line
 * saying so, then browser mode, opening the reader in a browser where one is available.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.js';
import { defaultDataDir } from './paths.js';
import { serveBrowserMode } from './serve.js';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Opens a URL in the user's browser, if this machine has a way to. */
function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * Whether the native database module loads inside this Electron. It is built for Node by
 * `npm install`; Electron needs it rebuilt for its own ABI (done when packaging).
 */
function nativeModuleLoadsIn(electronPath: string): boolean {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3')"], {
    cwd: appRoot,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 30_000,
  });
  return probe.status === 0;
}

const binary = electronBinaryPath();
const electron = binary && nativeModuleLoadsIn(binary) ? binary : null;
if (binary && !electron) {
  console.log(
    'Electron is installed, but better-sqlite3 is built for Node rather than for Electron, so Syndic starts in browser mode instead.',
  );
}
if (electron) {
  const child = spawn(electron, [appRoot], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!binary)
    console.log('Electron is not installed here (its download was skipped), so Syndic starts in browser mode instead.');
  const port = Number(process.env.SYNDIC_PORT ?? 0);
  await serveBrowserMode({
    dataDir: process.env.SYNDIC_DATA_DIR ?? defaultDataDir(),
    port,
    poll: true,
    io: { out: (line) => console.log(line), err: (line) => console.error(line) },
    onReady: (server) => openInBrowser(server.url),
  });
}
