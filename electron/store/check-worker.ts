/** Worker thread: runs the whole-file integrity check (see integrity.ts) off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './integrity.js';

parentPort!.postMessage(checkFile((workerData as { path: string }).path));
