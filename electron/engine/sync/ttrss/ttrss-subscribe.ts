/**
 * What subscribeToFeed's status codes mean (Feeds::subscribe_to_feed in TT-RSS 21). The
 * answer is `{"status": {"code": N, "feed_id"?: id, "message"?: text, "feeds"?: {url: title}}}`:
 * 0 already subscribed and 1 added (both with feed_id) are success; every other code is a
 * SyncError('refused') saying what went wrong and what to do.
 */
import { SyncError } from '../sync-error.js';
import { asInt, asText, isObject, type JsonObject } from './ttrss-json.js';

export function subscribeFailure(host: string, url: string, status: JsonObject | null): SyncError {
  const code = status === null ? null : asInt(status.code);
  const server = `TT-RSS at ${host}`;
  switch (code) {
    case 2:
      return new SyncError('refused', `${server} says ${url} is not a valid address.`);
    case 3:
      return new SyncError('refused', `${server} found no feed at ${url}. Check the address of the feed.`);
    case 4: {
      const found = status !== null && isObject(status.feeds) ? Object.keys(status.feeds) : [];
      const list = found.length > 0 ? `: ${found.slice(0, 5).join(', ')}` : '';
      return new SyncError('refused', `${server} found several feeds at ${url}${list}. Subscribe to one of them.`);
    }
    case 5: {
      const why = status === null ? null : asText(status.message);
      return new SyncError(
        'refused',
        `${server} could not download ${url}${why === null ? '' : ` (${why.slice(0, 200)})`}. Check that the feed is reachable from the server.`,
      );
    }
    default:
      return new SyncError(
        'refused',
        `${server} could not subscribe to ${url} (status ${code === null ? 'missing' : String(code)}).`,
      );
  }
}
