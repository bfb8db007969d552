/**
 * What of an article the player can play: its first audio or video enclosure, with the
 * length and artwork the feed gave, so the player shows them before anything is loaded.
 * Pictures are the offline copies when the cache holds them: the original host is not asked.
 */
import type { Article, Enclosure } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import type { MediaKind, Track } from '../../state/player.js';

const AUDIO_EXTENSIONS = /\.(mp3|m4a|m4b|aac|oga|ogg|opus|wav|flac)$/i;
const VIDEO_EXTENSIONS = /\.(mp4|m4v|webm|ogv|mov)$/i;

/** Audio or video, by the enclosure's type, else (a feed that names none) by its file name. */
export function mediaKindOf(enclosure: Pick<Enclosure, 'url' | 'type'>): MediaKind | null {
  const type = enclosure.type?.toLowerCase() ?? '';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type) return null;
  let path: string;
  try {
    path = new URL(enclosure.url).pathname;
  } catch {
    return null;
  }
  if (AUDIO_EXTENSIONS.test(path)) return 'audio';
  if (VIDEO_EXTENSIONS.test(path)) return 'video';
  return null;
}

/** A picture's address to show: the offline copy on the app's own origin, else the original. */
export function shownImage(article: Pick<Article, 'cachedImages'>, url: string | null | undefined, origin: string) {
  if (!url) return null;
  const cached = article.cachedImages[url];
  return cached ? origin + cached : url;
}

/** The article's playable enclosure as a track, or null when it has none. */
export function trackOf(article: Article, origin: string): Track | null {
  for (const enclosure of article.enclosures) {
    const kind = mediaKindOf(enclosure);
    if (!kind) continue;
    const duration = enclosure.duration != null && enclosure.duration > 0 ? enclosure.duration : null;
    return {
      articleId: article.id,
      title: article.title ?? t('common.untitled'),
      url: enclosure.url,
      kind,
      artwork: shownImage(article, enclosure.imageUrl ?? article.thumbnailUrl, origin),
      duration,
    };
  }
  return null;
}
