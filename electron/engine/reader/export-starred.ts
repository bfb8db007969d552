/**
 * Starred articles written out, so years of them never depend on Syndic: JSON for other
 * tools, and one HTML file a browser opens. Bodies in the HTML are sanitised (they are
 * strangers' HTML in a file the user will open), and the page forbids scripts anyway.
 */
import { escapeText, escapeAttribute } from 'entities';
import type { StarredRow } from '../store/starred.js';
import { sanitizeHtml } from '../feeds/sanitize-html.js';

export type StarredFormat = 'html' | 'json';

export interface StarredArticleJson {
  title: string | null;
  url: string | null;
  author: string | null;
  published: string;
  feed: { title: string | null; url: string };
  categories: string[];
  /** The full article when it was fetched, else the feed's content or summary (HTML). */
  content: string | null;
}

function body(row: StarredRow): string | null {
  return row.full_content ?? row.content ?? row.summary;
}

export function starredAsJson(rows: StarredRow[], now: number): string {
  const articles: StarredArticleJson[] = rows.map((row) => ({
    title: row.title,
    url: row.url,
    author: row.author,
    published: new Date(row.published_at).toISOString(),
    feed: { title: row.feed_title, url: row.feed_url },
    categories: JSON.parse(row.categories) as string[],
    content: body(row),
  }));
  return JSON.stringify({ exportedAt: new Date(now).toISOString(), count: articles.length, articles }, null, 2) + '\n';
}

export async function starredAsHtml(rows: StarredRow[], now: number): Promise<string> {
  const sections: string[] = [];
  for (const row of rows) {
    const title = escapeText(row.title ?? '(untitled)');
    const heading = row.url ? `<a href="${escapeAttribute(row.url)}">${title}</a>` : title;
    const meta = [row.feed_title ?? row.feed_url, row.author, new Date(row.published_at).toISOString().slice(0, 10)]
      .filter(Boolean)
      .map((part) => escapeText(part!))
      .join(' · ');
    sections.push(
      `<article>\n<h2>${heading}</h2>\n<p class="meta">${meta}</p>\n${await sanitizeHtml(body(row) ?? '')}\n</article>`,
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Starred articles from Syndic</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}
article{border-bottom:1px solid #ccc;padding-bottom:1.5em;margin-bottom:1.5em}
.meta{color:#666;font:14px system-ui,sans-serif}img{max-width:100%;height:auto}</style>
</head><body>
<h1>Starred articles</h1>
<p class="meta">${rows.length} articles, exported ${escapeText(new Date(now).toISOString())}</p>
${sections.join('\n')}
</body></html>
`;
}
