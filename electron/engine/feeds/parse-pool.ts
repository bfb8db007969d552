/**
 * Parsing off the database thread: a small pool of worker threads running parse-worker,
 * each running parse jobs (inflate, hash, parse, prepare: see parse-job.ts). On two cores
 * one worker parses while the main thread fetches and writes. Bodies are transferred, not
 * copied. If no worker can start, jobs run in-thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FeedErrorKind } from '../../../shared/domain.js';
import { messageOf } from '../../../shared/error-message.js';
import { FetchError } from './fetch-error.js';
import { NotAFeedError } from './not-a-feed.js';
import type { ParseJob, ParseOutcome } from './parse-job.js';

export type { ParseJob, ParseOutcome, PreparedFeed } from './parse-job.js';

export interface ParseRequest extends Omit<ParseJob, 'body'> {
  id: number;
  body: ArrayBuffer;
}

/** A job's error as it crosses threads: enough to throw the same kind of error again. */
export type ParseFailure =
  | { type: 'not-a-feed'; message: string }
  | { type: 'fetch'; kind: FeedErrorKind; message: string; status?: number; retryAfterMs?: number }
  | { type: 'other'; message: string };

export type ParseResponse =
  { id: number; ok: true; outcome: ParseOutcome } | { id: number; ok: false; failure: ParseFailure };

export function describeFailure(error: unknown): ParseFailure {
  if (error instanceof NotAFeedError) return { type: 'not-a-feed', message: error.message };
  if (error instanceof FetchError) {
    const { kind, message, status, retryAfterMs } = error;
    return { type: 'fetch', kind, message, status, retryAfterMs };
  }
  return { type: 'other', message: messageOf(error) };
}

function rebuildError(failure: ParseFailure): Error {
  if (failure.type === 'fetch')
    return new FetchError(failure.kind, failure.message, failure.status, failure.retryAfterMs);
  // NotAFeedError words its own message; the one from the worker is already worded.
  const error = failure.type === 'not-a-feed' ? new NotAFeedError('') : new Error();
  error.message = failure.message;
  return error;
}

export interface FeedParser {
  parse(job: ParseJob): Promise<ParseOutcome>;
  close(): Promise<void>;
}

/**
 * The in-thread parser (in-thread-parser.ts), loaded the first time it is needed: with a
 * worker running, the writing thread never loads the parser (feedsmith, fast-xml-parser,
 * iconv-lite: 0.9 MB of the 2.4 MB a command loaded).
 */
const lazyInThreadParser: FeedParser = {
  async parse(job) {
    const { inThreadParser } = await import('./in-thread-parser.js');
    return inThreadParser.parse(job);
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
  job: ParseJob;
  slot: Slot;
  resolve: (outcome: ParseOutcome) => void;
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
  if (!script) return lazyInThreadParser;
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
      if (response.ok) waiter.resolve(response.outcome);
      else waiter.reject(rebuildError(response.failure));
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
        lazyInThreadParser.parse(waiter.job).then(waiter.resolve, waiter.reject);
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
    parse(job) {
      if (!slots && !closed) {
        slots = Array.from({ length: size }, () => ({ worker: null, busy: 0, failures: 0 }));
        slots.forEach(start);
      }
      const live = (slots ?? []).filter((s) => s.worker);
      if (closed || live.length === 0) return lazyInThreadParser.parse(job);
      const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      // A private copy of the bytes, transferred: the caller keeps its buffer. (Not
      // Buffer#slice, which is a view and may share Node's pooled ArrayBuffer.)
      const bytes = new Uint8Array(job.body.byteLength);
      bytes.set(job.body);
      return new Promise<ParseOutcome>((resolve, reject) => {
        pending.set(id, { job, slot, resolve, reject });
        slot.busy++;
        const request: ParseRequest = { ...job, id, body: bytes.buffer };
        slot.worker!.postMessage(request, [bytes.buffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all((slots ?? []).map((s) => s.worker?.terminate()));
    },
  };
}
