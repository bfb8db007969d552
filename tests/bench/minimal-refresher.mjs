/**
 * The least a feed refresher can do, as issue 19 item 11 measures Syndic against it: HTTP
 * GETs (2 per host, 64 in flight, as Syndic fetches), a SAX parser, and INSERT OR IGNORE
 * into one SQLite table, one transaction per feed. No sanitising, no full-text index, no
 * counters, no dedupe across feeds, no conditional requests: the floor of the work, whose
 * CPU time Syndic's cold refresh should stay within twice of.
 *
 * Plain JavaScript so that its start costs no compiler: `node minimal-refresher.mjs
 * <urls-file> <database>`, one feed address per line.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import sax from 'sax';

const [urlsFile, dbPath] = process.argv.slice(2);
const urls = readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean);

const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY, feed TEXT NOT NULL, guid TEXT NOT NULL, title TEXT, link TEXT,
  published TEXT, author TEXT, content TEXT, UNIQUE (feed, guid))`);
const insert = db.prepare(
  'INSERT OR IGNORE INTO items (feed, guid, title, link, published, author, content) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const writeFeed = db.transaction((feed, items) => {
  for (const i of items)
    insert.run(feed, i.guid ?? i.link ?? i.title, i.title, i.link, i.pubDate, i.author, i.description);
});

/** RSS 2.0's item fields, collected by a streaming parser. */
function parseItems(xml) {
  const items = [];
  const parser = sax.parser(false, { lowercase: true });
  let item = null;
  let field = null;
  parser.onopentag = (node) => {
    if (node.name === 'item') item = {};
    else if (item) field = node.name;
  };
  parser.onclosetag = (name) => {
    if (name === 'item' && item) {
      items.push(item);
      item = null;
    }
    field = null;
  };
  parser.ontext = parser.oncdata = (text) => {
    if (item && field) item[field] = (item[field] ?? '') + text;
  };
  parser.write(xml).close();
  return items;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

let next = 0;
let stored = 0;
async function lane() {
  while (next < urls.length) {
    const url = urls[next++];
    const items = parseItems(await get(url));
    writeFeed(url, items);
    stored += items.length;
  }
}
await Promise.all(Array.from({ length: 64 }, lane));
agent.destroy();
db.close();
console.log(`items: ${stored}`);
