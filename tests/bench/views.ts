/**
 * `npm run bench -- views`: ten typical saved views on the 1,000,000-article database, each
 * view's first page, its sidebar count (unread, stopped at the cap) and its dialog's
 * preview count (all it lists, stopped at the cap), then the whole getCounts with the ten
 * views saved, as it runs after every refresh batch and every mark-read. Goal: < 20 ms
 * each. The views are saved inside a transaction that is rolled back: the cached database
 * is left as it was.
 */
import { COUNT_CAP } from '../../electron/engine/reader/article-use-cases.js';
import * as articles from '../../electron/engine/store/articles.js';
import { getCounts, VIEW_COUNT_CAP, viewUnreadCount } from '../../electron/engine/store/counts.js';
import { closeDatabase, openDatabase } from '../../electron/engine/store/db.js';
import { insertSavedView } from '../../electron/engine/store/saved-views.js';
import { viewQuery, type ViewFilter } from '../../shared/saved-views.js';
import { bigDatabase, NOW } from './big-database.js';

const RUNS = 15;
/** The cap not chosen, measured for the record (docs/performance.md, "Saved views"). */
const WIDER_CAP = 999;

/** Median and worst of `RUNS` timed runs, after one that warms the caches. */
function timed(fn: () => unknown): { median: number; worst: number } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! };
}

const ms = (t: { median: number; worst: number }): string => `${t.median.toFixed(2)} (${t.worst.toFixed(1)})`;

export function benchViews(log: (line: string) => void, record: (key: string, value: string) => void): void {
  log(`\nsaved views on 1,000,000 articles (ms, median of ${RUNS} and worst in brackets)`);
  const big = bigDatabase(log);
  const db = openDatabase(big.path, { migrate: false });
  try {
    const everyFiftieth = db.prepare('SELECT id FROM feeds WHERE id % 50 = 7 ORDER BY id').pluck().all() as number[];
    const views: [string, ViewFilter][] = [
      ['unread in a tag (2.7% of articles)', { view: 'unread', tags: [big.tags.a] }],
      ['starred', { view: 'starred' }],
      ['last 3 days', { view: 'all', sinceDays: 3 }],
      ['has an attachment (2%)', { view: 'all', hasEnclosure: true }],
      ['search, rare word ("CVE", 0.5%)', { view: 'all', search: 'CVE' }],
      ['search, common word, unread ("amazon", 32%)', { view: 'unread', search: 'amazon' }],
      ['author ("schneier", 8%)', { view: 'all', author: 'schneier' }],
      ['20 feeds, unread', { view: 'unread', feedIds: everyFiftieth.slice(0, 20) }],
      ['unread + tag + "CVE" + last 7 days', { view: 'unread', tags: [big.tags.a], search: 'CVE', sinceDays: 7 }],
      ['tags a AND b', { view: 'all', tags: [big.tags.a, big.tags.b], tagMode: 'all' }],
    ];
    const columns = ['page of 50', `count to ${VIEW_COUNT_CAP}`, `count to ${WIDER_CAP}`, 'unread', 'preview'];
    log(`  ${'view'.padEnd(46)} ${columns.map((c) => c.padStart(14)).join(' ')} ${'lists'.padStart(7)}`);
    const shown = (n: number, cap: number): string => (n > cap ? `${cap}+` : String(n));
    /** One row of the table: the view's page, its sidebar count (and at the wider cap), its preview count. */
    const measure = (name: string, filter: ViewFilter) => {
      const query = { ...viewQuery({ filter }), dedupe: true };
      const page = timed(() => articles.listArticles(db, query, null, 50, NOW));
      const sidebar = timed(() => viewUnreadCount(db, { filter }, true, NOW, VIEW_COUNT_CAP));
      const wider = timed(() => viewUnreadCount(db, { filter }, true, NOW, WIDER_CAP));
      const unread = viewUnreadCount(db, { filter }, true, NOW, VIEW_COUNT_CAP);
      const preview = timed(() => articles.countArticles(db, query, COUNT_CAP + 1, NOW));
      const lists = articles.countArticles(db, query, COUNT_CAP + 1, NOW);
      const cells = [ms(page), ms(sidebar), ms(wider), shown(unread, VIEW_COUNT_CAP), ms(preview)];
      log(`  ${name.padEnd(46)} ${cells.map((c) => c.padStart(14)).join(' ')} ${shown(lists, COUNT_CAP).padStart(7)}`);
      return { page, sidebar, wider, preview };
    };
    let worst = 0;
    let sidebarTotal = 0;
    let widerTotal = 0;
    for (const [name, filter] of views) {
      const t = measure(name, filter);
      worst = Math.max(worst, t.page.median, t.sidebar.median, t.preview.median);
      sidebarTotal += t.sidebar.median;
      widerTotal += t.wider.median;
    }
    log('  harder combinations, for the record:');
    const harder: [string, ViewFilter][] = [
      ['unread + tag + "CVE", any date', { view: 'unread', tags: [big.tags.a], search: 'CVE' }],
      [
        '3 feeds + a word in every article ("the")',
        { view: 'unread', feedIds: everyFiftieth.slice(0, 3), search: 'the' },
      ],
      ['starred + has an attachment', { view: 'starred', hasEnclosure: true }],
      ['unread + big tag (14%) + has an attachment', { view: 'unread', tags: [big.tags.big], hasEnclosure: true }],
    ];
    for (const [name, filter] of harder) measure(name, filter);
    record('views: slowest median of a page or a count', `${worst.toFixed(2)} ms (goal < 20 ms)`);
    record(
      'views: the ten sidebar counts, summed',
      `${sidebarTotal.toFixed(1)} ms counting to ${VIEW_COUNT_CAP}; ${widerTotal.toFixed(1)} ms to ${WIDER_CAP}`,
    );
    record('views: getCounts, no saved view', `${ms(timed(() => getCounts(db, NOW, true)))} ms`);
    db.exec('BEGIN');
    try {
      for (const [name, filter] of views) insertSavedView(db, { name, filter, notify: false }, NOW);
      record('views: getCounts with the ten views', `${ms(timed(() => getCounts(db, NOW, true)))} ms`);
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    closeDatabase(db);
  }
}
