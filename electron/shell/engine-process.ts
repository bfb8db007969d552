/**
 * The desktop app's engine process: Electron's utilityProcess running the whole engine
 * (store, poller, offline cache, maintenance), so a thousand-feed refresh never stalls the
 * main process that serves the window's IPC, menus and painting. The main process talks
 * to it through engine-client.ts over this process's parent port. Secrets that Electron's
 * safeStorage guards are decrypted in the main process (safeStorage is main-only) and
 * handed over on this port, never written here.
 */
import { net } from 'electron';
import { hostEngine } from '../app/engine-host.js';
import type { EnginePort } from '../app/engine-protocol.js';
import { PortSecretStore } from '../app/port-secret-store.js';
import { useNativeBinding } from '../engine/store/db.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('engine-process needs the data dir as its first argument');
// Run from a checkout, main.ts passes better-sqlite3 built for Electron (launcher/native-module.ts).
useNativeBinding(process.env.SYNDIC_SQLITE_BINDING);

const parent = process.parentPort;
const port: EnginePort = {
  post: (message) => parent.postMessage(message),
  onMessage: (listener) => parent.on('message', (event) => listener(event.data)),
};
// main.ts checked the database (and asked the user what to do when damaged) before this.
// Sync passwords live in the main process's safeStorage; the engine asks for them on the port.
hostEngine(port, { dataDir, isOnline: () => net.isOnline(), secrets: new PortSecretStore(port) }, { poll: true });
