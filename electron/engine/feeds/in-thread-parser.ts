/**
 * Parse jobs run in the calling thread: for tests and tools that parse where they are,
 * and, loaded on demand (parse-pool.ts), for a refresh with no worker or a lost one's jobs.
 * A file of its own because it loads the parser itself: the writing thread imports the
 * pool, and never needs the parser while the worker runs.
 */
import { runParseJob } from './parse-job.js';
import type { FeedParser } from './parse-pool.js';

export const inThreadParser: FeedParser = {
  async parse(job) {
    return runParseJob(job);
  },
  async close() {},
};
