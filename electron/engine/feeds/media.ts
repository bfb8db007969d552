/**
 * What the Media RSS (media:) and iTunes (itunes:) namespaces say about an item, so a
 * video shows its thumbnail and description and an episode its length and artwork.
 *
 * As feedsmith exposes them: `node.media` holds `thumbnails`, `description` ({ value,
 * type }, type "plain" unless "html"), `contents` (each a file with `url`, `type`,
 * `medium`, `fileSize`, `duration` in seconds, and its own thumbnails and description)
 * and `groups` (each one media object offered as several `contents`, e.g. YouTube's
 * media:group). `node.itunes.duration` is in seconds already ("1:02:03", "62:03" and
 * "3723" all read as 3723) and `itunes.image` is the image's URL.
 */
import type { Enclosure } from '../../../shared/domain.js';
import { escapeHtml } from '../../../shared/plain-text-html.js';
import { first, number, text, type Loose } from './loose.js';

/** Where media: elements can sit, outermost first: the item, its groups, their files. */
function levels(node: Loose): Loose[] {
  const media = node?.media;
  if (!media) return [];
  const groups = (media.groups ?? []) as Loose[];
  const contents = (media.contents ?? []) as Loose[];
  return [media, ...groups, ...contents, ...groups.flatMap((g) => (g?.contents ?? []) as Loose[])];
}

const isImage = (c: Loose): boolean => String(c?.medium ?? c?.type ?? '').startsWith('image');
const isPlayable = (c: Loose): boolean =>
  /^(?:audio|video)$/.test(String(c?.medium ?? '')) || /^(?:audio|video)\//.test(String(c?.type ?? ''));

/** The item's thumbnail: a media:thumbnail at any level, else a media:content that is an image. */
export function mediaThumbnail(node: Loose): string | null {
  const all = levels(node);
  for (const level of all) {
    const url = text(first(level?.thumbnails)?.url);
    if (url) return url;
  }
  return text(all.slice(1).find((c) => isImage(c) && text(c?.url))?.url);
}

/** The item's media:description as HTML: plain text (the default type) escaped. */
export function mediaDescription(node: Loose): string | null {
  for (const level of levels(node)) {
    const value = text(level?.description);
    if (!value) continue;
    return String(level.description?.type ?? 'plain').toLowerCase() === 'html' ? value : escapeHtml(value);
  }
  return null;
}

const seconds = (v: unknown): number | null => {
  const n = typeof v === 'number' ? Math.round(v) : null;
  return n != null && Number.isFinite(n) && n > 0 ? n : null;
};

function fileOf(content: Loose): Enclosure {
  const duration = seconds(content?.duration);
  return {
    url: text(content?.url) ?? '',
    type: text(content?.type),
    length: number(content?.fileSize),
    ...(duration != null ? { duration } : {}),
  };
}

/** Audio and video media:content files: each loose one, and one per group (its default). */
function playableMedia(node: Loose): Enclosure[] {
  const media = node?.media;
  if (!media) return [];
  const loose = ((media.contents ?? []) as Loose[]).filter(isPlayable);
  const grouped = ((media.groups ?? []) as Loose[]).flatMap((group) => {
    const files = ((group?.contents ?? []) as Loose[]).filter(isPlayable);
    const chosen = files.find((c) => c?.isDefault === true) ?? files[0];
    return chosen ? [chosen] : [];
  });
  return [...loose, ...grouped].map(fileOf);
}

/**
 * The item's files with their playing time and artwork. The feed's own enclosures come
 * first; an item with none plays its audio or video media:content. A file's duration is
 * its media:content's when one names the same URL, else the episode's itunes:duration;
 * its artwork the episode's itunes:image, else the show's (`showImage`).
 */
export function withPlayback(enclosures: Enclosure[], node: Loose, showImage: string | null): Enclosure[] {
  const media = playableMedia(node);
  const files = enclosures.length > 0 ? enclosures : media;
  const episodeDuration = seconds(node?.itunes?.duration);
  const imageUrl = text(node?.itunes?.image) ?? showImage;
  return files.map((file) => {
    const duration = file.duration ?? media.find((m) => m.url === file.url)?.duration ?? episodeDuration;
    return { ...file, ...(duration != null ? { duration } : {}), ...(imageUrl ? { imageUrl } : {}) };
  });
}
