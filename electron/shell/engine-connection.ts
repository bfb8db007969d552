/**
 * Starts the engine in its utilityProcess (engine-process.ts) and connects to it: the main
 * process then holds only a client whose every ReaderApi call is a message. If the engine
 * process dies (a native crash), the app says so rather than hang on calls nobody answers.
 */
import { safeStorage, utilityProcess } from 'electron';
import { join } from 'node:path';
import { connectEngine, type EngineClient, type EventListener } from '../app/engine-client.js';
import type { EnginePort } from '../app/engine-protocol.js';
import { SafeStorageSecrets } from './safe-storage-secrets.js';

export interface EngineConnection {
  client: EngineClient;
  /** Closes the engine (refresh cancelled, database closed), then ends its process. */
  stop(): Promise<void>;
}

export function startEngineProcess(
  bundleDir: string,
  dataDir: string,
  onEvent: EventListener,
  onExit: (code: number) => void,
): EngineConnection {
  const child = utilityProcess.fork(join(bundleDir, 'engine-process.js'), [dataDir], {
    serviceName: 'Syndic engine',
    stdio: 'inherit',
  });
  const port: EnginePort = {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
  };
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      if (!stopping) onExit(code);
      resolve();
    }),
  );
  // Sync passwords: decrypted here (safeStorage is main-process only), sent when the engine asks.
  const client = connectEngine(port, onEvent, new SafeStorageSecrets(dataDir, safeStorage));
  return {
    client,
    stop: async () => {
      stopping = true;
      await Promise.race([client.close(), exited]);
      child.kill();
    },
  };
}
