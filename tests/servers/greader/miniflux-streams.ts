/**
 * Miniflux's reading of stream ids (googlereader/stream.go): each becomes a typed stream, and
 * the type names appear in its error messages ("unknown stream type LabelStream"), which clients
 * may show, so they are kept. A state it does not know, or a stream of no known shape, is an
 * error there where FreshRSS would shrug.
 */
import type { Stream } from './ids.js';

export type MinifluxStreamType =
  | 'NoStream'
  | 'ReadStream'
  | 'StarredStream'
  | 'ReadingListStream'
  | 'KeptUnreadStream'
  | 'BroadcastStream'
  | 'BroadcastFriendsStream'
  | 'LabelStream'
  | 'FeedStream'
  | 'LikeStream';

export interface MinifluxStream {
  type: MinifluxStreamType;
  /** The feed reference after `feed/`, the label name, or ''. */
  id: string;
}

const STATES: Record<string, MinifluxStreamType> = {
  read: 'ReadStream',
  starred: 'StarredStream',
  'reading-list': 'ReadingListStream',
  'kept-unread': 'KeptUnreadStream',
  broadcast: 'BroadcastStream',
  'broadcast-friends': 'BroadcastFriendsStream',
  like: 'LikeStream',
};

export function minifluxStream(stream: Stream): MinifluxStream | Error {
  switch (stream.kind) {
    case 'none':
      return { type: 'NoStream', id: '' };
    case 'feed':
      return { type: 'FeedStream', id: stream.ref };
    case 'label':
      return { type: 'LabelStream', id: stream.name };
    case 'state': {
      const type = STATES[stream.name];
      return type ? { type, id: '' } : new Error(`googlereader: unknown stream with id: ${stream.name}`);
    }
    case 'unknown':
      return new Error(`googlereader: unknown stream type: ${stream.raw}`);
  }
}
