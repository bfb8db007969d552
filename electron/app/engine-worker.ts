/**
 * Browser mode's engine thread: the whole engine (store, poller, offline cache) on a
 * worker, so the thread that serves HTTP and the WebSocket answers the window at once
 * even in the middle of a thousand-feed refresh (issue: the engine off the UI's loop).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hostEngine } from './engine-host.js';
import type { EnginePort } from './engine-protocol.js';

export interface EngineWorkerData {
  dataDir: string;
  poll: boolean;
}

if (!parentPort) throw new Error('engine-worker runs as a worker thread');
const parent = parentPort;
const port: EnginePort = {
  post: (message) => parent.postMessage(message),
  onMessage: (listener) => parent.on('message', listener),
};
const data = workerData as EngineWorkerData;
hostEngine(port, { dataDir: data.dataDir, checkFirst: true }, { poll: data.poll });
