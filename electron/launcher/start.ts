/**
 * `npm start`: the desktop app when Electron's binary is installed (with better-sqlite3
 * built for Electron, once, when needed: see native-module.ts); otherwise one line saying
 * so, then browser mode, opening the reader in a browser where one is available.
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { electronBinaryPath } from './electron-binary.js';
import { electronBindingPath, ensureElectronBinding, installedElectronTarget } from './native-module.js';
import { defaultDataDir } from '../engine/data-dir.js';
import { serveBrowserMode } from '../app/browser-mode.js';

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

/** Whether better-sqlite3 as npm installed it (built for Node) happens to load in this Electron. */
function nodeBuildLoadsIn(electronPath: string): boolean {
  const probe = spawnSync(electronPath, ['-e', "require('better-sqlite3')"], {
    cwd: appRoot,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
    timeout: 30_000,
  });
  return probe.status === 0;
}

/**
 * The native module Electron should load: the Electron build made before (or made now,
 * once), else the installed one when it loads. Null when neither can be had (offline
 * on first start): then browser mode, which uses the Node build.
 */
function bindingFor(electronPath: string): string | null {
  const target = installedElectronTarget(appRoot);
  const cached = electronBindingPath(appRoot, target);
  if (existsSync(cached)) return cached;
  if (nodeBuildLoadsIn(electronPath)) return '';
  try {
    return ensureElectronBinding(appRoot, target, (line) => console.log(line));
  } catch (error) {
    console.log(
      `Electron is installed, but better-sqlite3 could not be built for it (${(error as Error).message}), so Syndic starts in browser mode instead.`,
    );
    return null;
  }
}

const binary = electronBinaryPath();
const binding = binary ? bindingFor(binary) : null;
if (binary && binding !== null) {
  const child = spawn(binary, [appRoot], {
    stdio: 'inherit',
    env: { ...process.env, SYNDIC_SQLITE_BINDING: binding },
  });
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
