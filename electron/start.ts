/**
 * `npm start`: the desktop app when Electron's binary is installed; otherwise one line
 * saying so, then browser mode, opening the reader in a browser where one is available.
 */
import { spawn } from 'node:child_process';
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

const electron = electronBinaryPath();
if (electron) {
  const child = spawn(electron, [appRoot], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
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
