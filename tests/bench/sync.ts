/**
 * Sync figures against a real Tiny Tiny RSS (tests/servers/ttrss): the first sync of an
 * account holding 10,000 unread articles (seconds, peak memory, and the server's share:
 * the time spent waiting for TT-RSS's answers), then an incremental sync with no change
 * (requests, bytes, seconds). Needs root and the TT-RSS packages (tests/servers/ttrss/
 * install.sh); without them it says so and records nothing.
 */
import { DEFAULT_FETCH_OPTIONS } from '../../electron/engine/feeds/fetch.js';
import { ReaderService } from '../../electron/engine/reader/reader-service.js';
import { clientFactory } from '../../electron/engine/sync/create-client.js';
import { startTtrss, ttrssAvailability } from '../servers/ttrss/ttrss-server.js';
import { tempDatabase } from '../support/temp.js';

type Record = (key: string, value: string) => void;

const ARTICLES = Number(process.env.SYNDIC_BENCH_SYNC_ARTICLES ?? 10_000);
const FEEDS = 20;

/** fetch, timed until the whole body has arrived: the server's share of a sync. */
function timedFetch(): { fetch: typeof fetch; waitedMs: () => number } {
  let waited = 0;
  return {
    waitedMs: () => waited,
    fetch: async (input, init) => {
      const started = performance.now();
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      waited += performance.now() - started;
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}

export async function benchSync(log: (line: string) => void, record: Record): Promise<void> {
  log('\nsync (a real TT-RSS, API level 15)');
  const available = ttrssAvailability();
  if (!available.ok) {
    log(`  skipped: ${available.reason}`);
    return;
  }
  const server = await startTtrss({ log: () => {} });
  const data = tempDatabase();
  let service: ReaderService | null = null;
  try {
    const base = await server.loopbackUrl();
    const uid = await server.createUser('bench', 'bench-password');
    const sid = await server.login('bench', 'bench-password');
    for (let f = 0; f < FEEDS; f++) {
      const url = server.feedServer.write(
        `bench-${f}.xml`,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench ${f}</title><link>http://198.51.100.7/</link><description>d</description></channel></rss>`,
      );
      const answer = await server.api({ op: 'subscribeToFeed', sid, feed_url: url, category_id: 0 });
      const feedId = (answer.content as { status: { feed_id: number } }).status.feed_id;
      await server.loadArticles(feedId, ARTICLES / FEEDS, { owner: uid, bodyChars: 2_000 });
    }
    await server.sql(`UPDATE ttrss_user_entries SET marked = true WHERE owner_uid = ${uid} AND ref_id % 100 = 0;`);

    const timing = timedFetch();
    service = new ReaderService({
      db: data.db,
      fetchOptions: DEFAULT_FETCH_OPTIONS,
      headless: true,
      syncClients: clientFactory({ fetch: timing.fetch }),
    });
    const account = await service.addAccount({
      kind: 'ttrss',
      serverUrl: base,
      username: 'bench',
      password: 'bench-password',
    });
    let peakRss = process.memoryUsage().rss;
    const baseRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const waitedBefore = timing.waitedMs();
    const started = performance.now();
    const [first] = await service.syncNow(account.id);
    const firstMs = performance.now() - started;
    clearInterval(sampler);
    if (!first?.ok) throw new Error(`first sync failed: ${first?.error}`);
    const serverShare = (timing.waitedMs() - waitedBefore) / firstMs;
    record(
      `first sync, ${first.newArticles.toLocaleString('en')} articles`,
      `${(firstMs / 1000).toFixed(1)} s (TT-RSS answering: ${(serverShare * 100).toFixed(0)}%), ${first.requests} requests, ${(first.bytesReceived / 1024 / 1024).toFixed(1)} MB`,
    );
    record(
      'first sync, peak memory of the process',
      `${((peakRss - baseRss) / 1024 / 1024).toFixed(0)} MB above the start (${(peakRss / 1024 / 1024).toFixed(0)} MB)`,
    );

    const noChange = async (label: string): Promise<void> => {
      const times: number[] = [];
      let last = first;
      const waited = timing.waitedMs();
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const [again] = await service!.syncNow(account.id);
        times.push(performance.now() - t0);
        if (!again?.ok) throw new Error(`incremental sync failed: ${again?.error}`);
        last = again;
      }
      const share = (timing.waitedMs() - waited) / times.reduce((a, b) => a + b, 0);
      times.sort((a, b) => a - b);
      record(
        `no-change sync, ${label} (median of 5)`,
        `${(times[2]! / 1000).toFixed(2)} s (TT-RSS answering: ${(share * 100).toFixed(0)}%), ${last.requests} requests, ${(last.bytesReceived / 1024).toFixed(0)} KB, ${last.newArticles} bodies`,
      );
    };
    await noChange(`${ARTICLES.toLocaleString('en')} unread`);
    // A more usual account: most of it read elsewhere (the phone), a few hundred unread.
    await server.sql(`UPDATE ttrss_user_entries SET unread = false WHERE owner_uid = ${uid} AND ref_id % 33 <> 0;`);
    const t0 = performance.now();
    const [catchUp] = await service.syncNow(account.id);
    record(
      'sync after the server marked 97% read',
      `${((performance.now() - t0) / 1000).toFixed(2)} s, ${catchUp?.stateChanges.toLocaleString('en')} state changes, ${catchUp?.requests} requests`,
    );
    const unread = (await service.getCounts()).unread;
    await noChange(`${unread.toLocaleString('en')} unread`);
  } finally {
    await service?.shutdown();
    data.done();
    await server.stop();
  }
}
