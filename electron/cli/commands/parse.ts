/**
 * `syndic parse <file|url>`: prints a feed as the reader understands it, normalised, as JSON
 * (parsed-feed-json.ts). Needs no data dir: it is the parser on its own, for checking a feed.
 */
import { readFileSync } from 'node:fs';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS, fetchFeed } from '../../engine/feeds/fetch.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { parsedFeedToJson } from '../parsed-feed-json.js';
import { UsageError } from '../usage-error.js';

/** The feed's bytes, from the network (http and https addresses) or from a file. */
async function readSource(source: string): Promise<{ body: Uint8Array; url: string; contentType: string | null }> {
  if (/^https?:\/\//i.test(source)) {
    const result = await fetchFeed({ url: source }, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== 'ok') throw new Error('The server answered 304 Not Modified to an unconditional request');
    return { body: result.body, url: result.finalUrl, contentType: result.contentType };
  }
  return { body: readFileSync(source), url: `file://${source}`, contentType: null };
}

export const parseCommand = defineCommand({
  name: 'parse',
  usage: '<file|url>',
  summary: 'print a feed, normalised, as JSON',
  maxArgs: 1,
  options: {},
  async run({ args, io }) {
    const [source] = args;
    if (!source) throw new UsageError('needs a file or a URL');
    try {
      const { body, url, contentType } = await readSource(source);
      // Loaded here, not with every command (engine/feeds/not-a-feed.ts says why).
      const { parseFeed } = await import('../../engine/feeds/parse.js');
      const feed = parseFeed({ body, url, contentType });
      io.out(JSON.stringify(parsedFeedToJson(feed), null, 2));
      return EXIT.ok;
    } finally {
      // The fetch's kept-alive connection would hold the process open until its idle timeout.
      closeIdleConnections();
    }
  },
});
