/**
 * The client half of smoke.ts: runs INSIDE the TT-RSS network namespace (started through
 * `server.node(...)`) and talks to TT-RSS over plain HTTP at its address there, as Syndic
 * will. Reads TTRSS_API_URL, TTRSS_USER and TTRSS_PASSWORD from the environment and prints
 * one JSON object with what it saw.
 */
import os from 'node:os';

const apiUrl = process.env.TTRSS_API_URL;
if (!apiUrl) throw new Error('TTRSS_API_URL is not set: run me inside the namespace via ttrss-server.ts');

interface Answer {
  seq: number;
  status: number;
  content: unknown;
}

async function call(op: string, params: Record<string, unknown> = {}, sid?: string): Promise<Answer> {
  const res = await fetch(apiUrl!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ op, ...(sid ? { sid } : {}), ...params }),
  });
  return (await res.json()) as Answer;
}

interface Headline {
  id: number;
  title: string;
  unread: boolean;
  marked: boolean;
  link: string;
  content?: string;
  feed_id: string | number;
}

const login = await call('login', { user: process.env.TTRSS_USER, password: process.env.TTRSS_PASSWORD });
const sid = (login.content as { session_id: string }).session_id;
const apiLevel = await call('getApiLevel', {}, sid);
const feeds = await call('getFeeds', { cat_id: -3 }, sid);
const headlines = await call(
  'getHeadlines',
  { feed_id: -4, view_mode: 'all_articles', show_content: true, limit: 200, order_by: 'feed_dates' },
  sid,
);
const items = headlines.content as Headline[];
const first = items[0];
if (!first) throw new Error(`no headlines: ${JSON.stringify(headlines)}`);
// Star the first article and mark it read, then read the state back.
const starred = await call('updateArticle', { article_ids: String(first.id), field: 0, mode: 1 }, sid);
const read = await call('updateArticle', { article_ids: String(first.id), field: 2, mode: 0 }, sid);
const after = await call('getHeadlines', { feed_id: -1, view_mode: 'all_articles' }, sid);
const unread = await call('getUnread', {}, sid);
await call('logout', {}, sid);

const interfaces = Object.entries(os.networkInterfaces()).flatMap(([name, addrs]) =>
  (addrs ?? []).filter((a) => !a.internal).map((a) => `${name} ${a.address}`),
);

process.stdout.write(
  JSON.stringify({
    interfaces,
    login: { status: login.status, api_level: (login.content as { api_level?: number }).api_level },
    apiLevel: apiLevel.content,
    feeds: feeds.content,
    headlines: items.map((h) => ({
      id: h.id,
      title: h.title,
      unread: h.unread,
      marked: h.marked,
      link: h.link,
      contentChars: h.content?.length ?? 0,
    })),
    firstContent: first.content,
    updateArticle: { starred: starred.content, read: read.content },
    starredAfter: (after.content as Headline[]).map((h) => ({ id: h.id, marked: h.marked, unread: h.unread })),
    unread: unread.content,
  }) + '\n',
);
