/**
 * Parsing off the database thread: a small pool of worker threads running parse-worker.
 * On two cores one worker parses while the main thread fetches and writes. Bodies are
 * transferred, not copied. If no worker can start, parsing happens in-thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NotAFeedError, parseFeed, type ParsedFeed, type ParseInput } from './parse.js';
import { prepareItem, type PreparedItem } from './prepare-item.js';

export interface PreparedFeed extends Omit<ParsedFeed, 'items'> {
  items: PreparedItem[];
}

export interface ParseRequest {
  id: number;
  body: ArrayBuffer;
  url: string;
  contentType: string | null;
}

export type ParseResponse =
  { id: number; ok: true; feed: PreparedFeed } | { id: number; ok: false; notAFeed: boolean; message: string };

export interface FeedParser {
  parse(input: { body: Uint8Array; url: string; contentType: string | null }): Promise<PreparedFeed>;
  close(): Promise<void>;
}

/** Parses in the calling thread (tests, one-off commands). */
export const inThreadParser: FeedParser = {
  async parse(input: ParseInput) {
    const feed = parseFeed(input);
    return { ...feed, items: feed.items.map(prepareItem) };
  },
  async close() {},
};

/**
 * The worker script: the bundled parse-worker.js beside the bundle this module is part of
 * (dist/electron). Run from sources (tests under tsx), there is none: parse in-thread.
 */
function bundledWorkerScript(): URL | null {
  const url = new URL('./parse-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

interface Waiter {
  input: { body: Uint8Array; url: string; contentType: string | null };
  slot: Slot;
  resolve: (feed: PreparedFeed) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | null;
  busy: number;
  failures: number;
}

/**
 * Each worker's heap is bounded so a refresh stays lean; a feed too large for it kills
 * that worker, and then that feed is parsed in-thread and the worker is replaced.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

export function createParsePool(
  size = Math.max(1, Math.min(4, availableParallelism() - 1)),
  script: URL | null = bundledWorkerScript(),
): FeedParser {
  if (!script) return inThreadParser;
  const workerScript = script;
  const pending = new Map<number, Waiter>();
  let nextId = 1;
  let closed = false;

  const start = (slot: Slot): void => {
    const worker = new Worker(workerScript, { resourceLimits: WORKER_LIMITS });
    worker.unref();
    slot.worker = worker;
    worker.on('message', (response: ParseResponse) => {
      slot.busy--;
      const waiter = pending.get(response.id);
      pending.delete(response.id);
      if (!waiter) return;
      if (response.ok) waiter.resolve(response.feed);
      else {
        const error = response.notAFeed ? new NotAFeedError('') : new Error();
        error.message = response.message;
        waiter.reject(error);
      }
    });
    const lost = (): void => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      slot.busy = 0;
      slot.failures++;
      // Its unfinished work is done in-thread; a worker that keeps failing is not restarted.
      for (const [id, waiter] of pending) {
        if (waiter.slot !== slot) continue;
        pending.delete(id);
        inThreadParser.parse(waiter.input).then(waiter.resolve, waiter.reject);
      }
      if (!closed && slot.failures < 3) start(slot);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  };

  // Workers start with the first feed that needs parsing: a refresh where every feed
  // answers 304 never pays for them.
  let slots: Slot[] | null = null;

  return {
    parse(input) {
      if (!slots && !closed) {
        slots = Array.from({ length: size }, () => ({ worker: null, busy: 0, failures: 0 }));
        slots.forEach(start);
      }
      const live = (slots ?? []).filter((s) => s.worker);
      if (closed || live.length === 0) return inThreadParser.parse(input);
      const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      // A private copy of the bytes, transferred: the caller keeps its buffer. (Not
      // Buffer#slice, which is a view and may share Node's pooled ArrayBuffer.)
      const bytes = new Uint8Array(input.body.byteLength);
      bytes.set(input.body);
      return new Promise<PreparedFeed>((resolve, reject) => {
        pending.set(id, { input, slot, resolve, reject });
        slot.busy++;
        const request: ParseRequest = { id, body: bytes.buffer, url: input.url, contentType: input.contentType };
        slot.worker!.postMessage(request, [bytes.buffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all((slots ?? []).map((s) => s.worker?.terminate()));
    },
  };
}
