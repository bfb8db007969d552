/** Worker thread: runs the whole-file integrity check (see integrity.ts) off the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from './db.js';
import { checkFile } from './integrity.js';

const { path, nativeBinding } = workerData as { path: string; nativeBinding?: string };
useNativeBinding(nativeBinding);
parentPort!.postMessage(checkFile(path));
