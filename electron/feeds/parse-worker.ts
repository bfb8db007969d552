/**
 * The parse worker: decodes, parses and prepares feeds on another thread, so the thread
 * that owns the database spends its time writing. One message in (the body, transferred),
 * one message out (the parsed feed with prepared items, or the error).
 */
import { parentPort } from 'node:worker_threads';
import { NotAFeedError, parseFeed } from './parse.js';
import { prepareItem } from './prepare-item.js';
import type { ParseRequest, ParseResponse } from './parse-pool.js';
import { messageOf } from '../../shared/error-message.js';

parentPort!.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    const feed = parseFeed({ body: new Uint8Array(request.body), url: request.url, contentType: request.contentType });
    response = { id: request.id, ok: true, feed: { ...feed, items: feed.items.map(prepareItem) } };
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      notAFeed: error instanceof NotAFeedError,
      message: messageOf(error),
    };
  }
  parentPort!.postMessage(response);
});
