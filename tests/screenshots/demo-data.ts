/**
 * The demo data directory, made as a user would make theirs: an OPML file imported, a
 * refresh, the offline cache filled, then a few articles read and one starred so the list
 * looks like a reader in use. Every `syndic` process runs with loopback-only.mjs preloaded,
 * so nothing but the loopback server is ever asked for anything.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../support/cli.js';
import type { FeedServer } from '../support/feed-server.js';
import { SUBSCRIPTIONS } from './demo-site.js';

/** Articles already read when the pictures are taken, so the list shows read and unread ones. */
const ALREADY_READ = [
  /^Time Warner Hacked/,
  /^Security Flaw in Estonian National ID Card/,
  /^How to Configure an LDAPS Endpoint/,
  /^Episode 1: Listener mail/,
];
/** The starred one. */
const STARRED = /^How to Configure an LDAPS Endpoint/;

/** The environment of a `syndic` process that may reach loopback only. */
export function loopbackOnlyEnv(): NodeJS.ProcessEnv {
  const guard = pathToFileURL(join(import.meta.dirname, 'loopback-only.mjs')).href;
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${guard}`.trim() };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function opml(feeds: FeedServer): string {
  const folders = new Map<string, string[]>();
  for (const [path, folder] of SUBSCRIPTIONS) {
    const lines = folders.get(folder) ?? [];
    const name = path.slice(path.lastIndexOf('/') + 1);
    lines.push(`      <outline type="rss" text="${escapeXml(name)}" xmlUrl="${escapeXml(feeds.url(path))}"/>`);
    folders.set(folder, lines);
  }
  const body = [...folders]
    .map(([folder, lines]) => `    <outline text="${escapeXml(folder)}">\n${lines.join('\n')}\n    </outline>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Syndic demo</title></head>
  <body>
${body}
  </body>
</opml>
`;
}

async function cli(args: string[]): Promise<string> {
  const result = await runCli(args, loopbackOnlyEnv());
  if (result.code !== 0) throw new Error(`syndic ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** The ids of the articles whose titles match, failing loudly when a fixture no longer has one. */
function idsOf(articles: { id: number; title: string | null }[], titles: RegExp[]): string[] {
  return titles.map((title) => {
    const found = articles.find((a) => title.test(a.title ?? ''));
    if (!found) throw new Error(`No demo article is titled ${title}`);
    return String(found.id);
  });
}

/** Makes the demo data directory in `dir` (a folder of its own) and returns its path. */
export async function makeDemoDir(feeds: FeedServer, dir: string): Promise<string> {
  const dataDir = join(dir, 'data');
  const opmlFile = join(dir, 'demo.opml');
  writeFileSync(opmlFile, opml(feeds));
  const data = ['--data-dir', dataDir];
  await cli(['import-opml', opmlFile, ...data]);
  await cli(['refresh', ...data]);
  await cli(['cache', ...data]);
  const articles = JSON.parse(await cli(['articles', '--json', '--limit', '1000', ...data])) as {
    id: number;
    title: string | null;
  }[];
  await cli(['mark', ...idsOf(articles, ALREADY_READ), '--read', ...data]);
  await cli(['mark', ...idsOf(articles, [STARRED]), '--star', ...data]);
  return dataDir;
}
