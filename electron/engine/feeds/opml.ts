/**
 * OPML: reading a subscription list (nested outlines become tags) and writing one (tags
 * become outlines). The reader is a line-aware tag scanner rather than a DOM parser so
 * that one broken outline is reported with its line number and the rest still import.
 */
import { decodeXML } from 'entities';
import { parseHttpUrl } from '../../../shared/url.js';
import { tagAttributes } from './tag-attributes.js';

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
  tags: string[];
  line: number;
}

export interface OpmlProblem {
  line: number;
  message: string;
}

export interface ParsedOpml {
  title: string | null;
  feeds: OpmlFeed[];
  problems: OpmlProblem[];
}

/** Category attribute values like "/Tech/Linux,News" become tag names. */
function categoryTags(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .flatMap((c) => c.split('/'))
    .map((c) => c.trim())
    .filter(Boolean);
}

export function parseOpml(text: string): ParsedOpml {
  const problems: OpmlProblem[] = [];
  const feeds: OpmlFeed[] = [];
  if (!/<opml[\s>]/i.test(text)) {
    return { title: null, feeds, problems: [{ line: 1, message: 'This file is not OPML (no <opml> element)' }] };
  }
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  // Folder names from the enclosing outlines; null for an outline that is itself a feed.
  const stack: (string | null)[] = [];
  const re = /<outline\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<\/outline\s*>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('</')) {
      if (stack.length) stack.pop();
      continue;
    }
    const line = lineOf(m.index);
    const attrs = tagAttributes(m[1] ?? '', decodeXML);
    const selfClosing = m[2] === '/';
    const name = attrs.title || attrs.text || null;
    const rawUrl = attrs.xmlurl;
    if (rawUrl === undefined) {
      // A folder (or a plain note): its name tags every feed inside it.
      if (!selfClosing) stack.push(name);
      continue;
    }
    if (!selfClosing) stack.push(null);
    const url = parseHttpUrl(rawUrl);
    if (!url) {
      problems.push({
        line,
        message:
          rawUrl === ''
            ? `Outline "${name ?? '?'}" has an empty feed address`
            : `"${rawUrl}" is not an http(s) feed address`,
      });
      continue;
    }
    const folders = stack.filter((s): s is string => s != null && s !== '');
    feeds.push({
      url: url.href,
      title: name,
      siteUrl: attrs.htmlurl ? (parseHttpUrl(attrs.htmlurl)?.href ?? null) : null,
      tags: [...new Set([...folders, ...categoryTags(attrs.category)])],
      line,
    });
  }
  return { title: title ? decodeXML(title).trim() : null, feeds, problems };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ExportFeed {
  url: string;
  title: string;
  siteUrl: string | null;
  tags: string[];
}

/** OPML 2.0: one outline per tag holding its feeds; untagged feeds at the top level. */
export function writeOpml(feeds: ExportFeed[], now: Date): string {
  const line = (f: ExportFeed, indent: string): string =>
    `${indent}<outline type="rss" text="${esc(f.title)}" title="${esc(f.title)}" xmlUrl="${esc(f.url)}"${
      f.siteUrl ? ` htmlUrl="${esc(f.siteUrl)}"` : ''
    }/>`;
  const byTag = new Map<string, ExportFeed[]>();
  const untagged: ExportFeed[] = [];
  for (const feed of feeds) {
    if (feed.tags.length === 0) untagged.push(feed);
    for (const tag of feed.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), feed]);
  }
  const body: string[] = [];
  for (const tag of [...byTag.keys()].sort((a, b) => a.localeCompare(b))) {
    body.push(`    <outline text="${esc(tag)}" title="${esc(tag)}">`);
    for (const feed of byTag.get(tag)!) body.push(line(feed, '      '));
    body.push('    </outline>');
  }
  for (const feed of untagged) body.push(line(feed, '    '));
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Syndic subscriptions</title>
    <dateCreated>${now.toUTCString()}</dateCreated>
  </head>
  <body>
${body.join('\n')}
  </body>
</opml>
`;
}
