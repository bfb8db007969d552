/**
 * What a rule looks at in an article, whether it is arriving (a parsed item, in the write
 * path) or stored (the preview, "Run on existing articles"): the same facts either way, so
 * a rule decides alike for both. The body's text and the attachments are worked out only
 * when a condition asks for them.
 */
import type { Enclosure, FeedId } from '../../../shared/domain.js';
import { htmlToText } from '../feeds/html-text.js';
import { FTS_MAX_CHARS, type PreparedItem } from '../feeds/prepare-item.js';
import type { ScannedArticle } from '../store/rule-scan.js';

export interface ArticleFacts {
  readonly feedId: FeedId;
  readonly title: string | null;
  readonly author: string | null;
  readonly link: string | null;
  /** The body as plain text, as the full-text index holds it. */
  text(): string;
  /** The attachments' MIME types ("audio/mpeg"). */
  enclosureTypes(): string[];
}

/** The feed's side: what `feed` and `tag` conditions compare with. */
export interface FeedFacts {
  /** The name the user gave it, its own title, its address. */
  readonly names: readonly string[];
  readonly tags: readonly string[];
}

function typesOf(enclosures: readonly Enclosure[]): string[] {
  const types: string[] = [];
  for (const e of enclosures) if (e.type) types.push(e.type);
  return types;
}

/** A new article, as the write path prepared it (its text made by the parse worker when rules read it, else here). */
export function itemFacts(feedId: FeedId, item: PreparedItem): ArticleFacts {
  let text: string | null = null;
  return {
    feedId,
    title: item.title,
    author: item.author,
    link: item.link,
    text: () => (text ??= item.text ?? htmlToText(item.content ?? item.summary, FTS_MAX_CHARS)),
    enclosureTypes: () => typesOf(item.enclosures),
  };
}

/** A stored article, read by the scan with what the rule needs. */
export function storedFacts(row: ScannedArticle): ArticleFacts {
  let text: string | null = null;
  return {
    feedId: row.feedId,
    title: row.title,
    author: row.author,
    link: row.url,
    // As prepare-item.ts makes it for the index, so a stored article reads as it arrived.
    text: () => (text ??= htmlToText(row.html, FTS_MAX_CHARS)),
    enclosureTypes: () => {
      try {
        return typesOf(JSON.parse(row.enclosures ?? '[]') as Enclosure[]);
      } catch {
        return [];
      }
    },
  };
}
