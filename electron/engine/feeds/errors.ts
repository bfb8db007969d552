/**
 * What went wrong with a feed, in words a user can act on. Every failure of a refresh
 * becomes a FeedError: kind, what happened, and what to do.
 */
import type { FeedError, FeedErrorKind } from '../../../shared/domain.js';
import { assertNever } from '../../../shared/assert.js';
import { FetchError } from './fetch.js';
import { NotAFeedError } from './not-a-feed.js';
import { messageOf } from '../../../shared/error-message.js';

function hintFor(kind: FeedErrorKind, status?: number): string {
  switch (kind) {
    case 'dns':
      return 'Check the address for typos; the site may also have closed or changed its name.';
    case 'refused':
      return 'The site is not accepting connections right now. Syndic will try again later.';
    case 'tls':
      return "The site's security certificate is not valid. Check the address, or ask the site to fix its certificate.";
    case 'timeout':
      return 'The site is slow or unreachable. Syndic will try again later.';
    case 'http':
      if (status === 404 || status === 410)
        return "The feed has moved or been removed. Paste the site's address into Add Feed to find its current feed.";
      if (status === 401 || status === 403)
        return 'The feed needs a login or refuses feed readers. Check the address with the site.';
      if (status === 429) return 'The site asks readers to slow down. Syndic will wait before trying again.';
      if (status !== undefined && status >= 500)
        return 'The site has a problem of its own. Syndic will try again later.';
      return 'Check the address of the feed.';
    case 'too-big':
      return 'The feed is far larger than a feed should be. Check that the address really is a feed.';
    case 'too-many-redirects':
      return 'The address sends readers around in circles. Open it in a browser to find where the feed lives now.';
    case 'bad-redirect':
      return 'The site redirects to an address Syndic will not follow. Check the feed address with the site.';
    case 'not-a-feed':
      return "The address gives something that is not a feed. Paste the site's address into Add Feed to find its feed.";
    case 'bad-url':
      return 'Enter a full address starting with http:// or https://.';
    case 'offline':
      return 'You seem to be offline. Syndic will refresh when the network is back.';
    case 'network':
      return 'The connection failed. Syndic will try again later.';
    default:
      return assertNever(kind, 'feed error kind');
  }
}

export function toFeedError(error: unknown, at: number): FeedError {
  if (error instanceof FetchError) {
    return {
      kind: error.kind,
      message: error.message,
      hint: hintFor(error.kind, error.status),
      status: error.status,
      at,
    };
  }
  if (error instanceof NotAFeedError) {
    return { kind: 'not-a-feed', message: error.message, hint: hintFor('not-a-feed'), at };
  }
  const message = messageOf(error);
  return { kind: 'network', message: `Refresh failed: ${message}`, hint: hintFor('network'), at };
}
