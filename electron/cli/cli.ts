/**
 * `syndic`: the reader's headless commands, over the same ReaderService as the app.
 * Progress goes to stderr, results to stdout, so scripts can pipe the output.
 *
 * Exit codes: 0 success; 1 the command ran but something failed (a feed did not
 * refresh, an OPML line was refused); 2 usage error; 3 the input is not a feed;
 * 4 the database cannot be opened (for example, written by a newer Syndic); 5 the
 * database is damaged (`syndic recover` says what to do).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FeedRefreshResult, OfflineStatus, RefreshProgress } from '../../shared/domain.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS, fetchFeed, FetchError } from '../engine/feeds/fetch.js';
import { NotAFeedError, parseFeed } from '../engine/feeds/parse.js';
import { parsedFeedToJson } from './parsed-feed-json.js';
import { databasePath, defaultDataDir } from '../engine/data-dir.js';
import { ReaderService, UserError } from '../engine/reader/reader-service.js';
import { openApp } from '../app/open-app.js';
import { backupsDir } from '../engine/store/backup.js';
import { checkAtStart } from '../engine/store/integrity.js';
import { DiskFullError } from '../engine/store/disk-full.js';
import { DatabaseTooNewError } from '../engine/store/migrate.js';
import {
  DamagedDatabaseError,
  isDamagedDatabaseError,
  NoWholeBackupError,
  restoreLatestBackup,
  startFresh,
} from '../engine/store/recovery.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, notAFeed: 3, database: 4, damaged: 5 } as const;

const USAGE = `Usage: syndic <command> [options]

Commands:
  parse <file|url>          print a feed, normalised, as JSON
  add <url> [--tag T]... [--full-text]
                            subscribe to a feed (or a site: its feed is found); --full-text
                            keeps each article's full page (for summary-only feeds)
  import-opml <file>        subscribe to every feed of an OPML file
  export-opml [--out FILE]  write subscriptions and tags as OPML
  refresh [--jsonl]         fetch every feed; --jsonl prints one line per feed
  list                      feeds with unread counts and errors
  stats                     counts of feeds, articles, unread, starred
  serve [--port P]          browser mode: the reader at http://127.0.0.1:P (prints the address)
  cache                     fetch the images (and full articles) queued for offline reading
  backup                    write a backup of the database now; --list shows the backups
  restore <name>            replace all data with a backup (the current state is backed up first)
  export-starred [--format html|json] [--out FILE]
                            write every starred article
  maintain                  apply the retention settings and tidy the database now
  recover --restore-latest | --start-fresh
                            for a damaged database: either way the damaged file is kept aside

Options:
  --data-dir DIR            where the database lives (default: ${defaultDataDir()})
  --help                    this text

Exit codes: 0 ok, 1 something failed, 2 usage, 3 not a feed, 4 database unusable,
5 database damaged.`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

interface ServiceOptions {
  /** Print refresh progress on stderr (the refresh command; not `add`'s single fetch). */
  progress?: boolean;
  onFeedDone?: (result: FeedRefreshResult) => void;
}

/** Runs one command's work against the app opened on the data dir, and closes it after. */
async function withService<T>(
  dataDir: string,
  io: Io,
  work: (service: ReaderService) => Promise<T>,
  options: ServiceOptions = {},
): Promise<T> {
  let lastShown = 0;
  const app = openApp({
    dataDir,
    cacheMb: 8,
    headless: true,
    onFeedDone: options.onFeedDone,
    emit: (event, payload) => {
      if (event === 'offline-status' && options.progress) {
        const s = payload as OfflineStatus;
        io.err(`caching: ${s.queued} articles to go, ${s.imageFiles} images (${megabytes(s.imageBytes)})`);
      }
      if (event !== 'refresh-progress' || !options.progress) return;
      const p = payload as RefreshProgress;
      // A line per finished feed, at most every 250 ms, and always the last one.
      const now = Date.now();
      if (p.last && (now - lastShown > 250 || p.done === p.total)) {
        lastShown = now;
        io.err(`refreshing: ${p.done}/${p.total}`);
      }
    },
  });
  try {
    return await work(app.service);
  } finally {
    await app.close();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readSource(source: string): Promise<{ body: Uint8Array; url: string; contentType: string | null }> {
  if (/^https?:\/\//i.test(source)) {
    const result = await fetchFeed({ url: source }, DEFAULT_FETCH_OPTIONS);
    if (result.kind !== 'ok') throw new Error('The server answered 304 Not Modified to an unconditional request');
    return { body: result.body, url: result.finalUrl, contentType: result.contentType };
  }
  return { body: readFileSync(source), url: `file://${source}`, contentType: null };
}

export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        tag: { type: 'string', multiple: true },
        jsonl: { type: 'boolean' },
        out: { type: 'string' },
        port: { type: 'string' },
        'no-poll': { type: 'boolean' },
        format: { type: 'string' },
        'full-text': { type: 'boolean' },
        list: { type: 'boolean' },
        'restore-latest': { type: 'boolean' },
        'start-fresh': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`syndic: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();

  try {
    switch (command) {
      case 'parse': {
        if (!rest[0]) throw new UsageError('parse needs a file or a URL');
        const source = await readSource(rest[0]);
        const feed = parseFeed({ body: source.body, url: source.url, contentType: source.contentType });
        io.out(JSON.stringify(parsedFeedToJson(feed), null, 2));
        closeIdleConnections();
        return EXIT.ok;
      }
      case 'add': {
        if (!rest[0]) throw new UsageError('add needs a URL');
        return await withService(dataDir, io, async (service) => {
          const result = await service.addFeed({
            url: rest[0]!,
            tags: values.tag,
            fetchFullText: values['full-text'] === true,
          });
          if (result.kind === 'choose') {
            io.err('That site offers several feeds; add one of them:');
            for (const c of result.candidates) io.out(`${c.url}\t${c.title ?? ''}`);
            return EXIT.failed;
          }
          const feed = result.feed;
          io.out(
            `${result.kind === 'added' ? 'Added' : 'Already subscribed to'} ${feed.userTitle ?? feed.title ?? feed.url} (${feed.url}): ${feed.articleCount} articles`,
          );
          if (feed.lastError) io.err(`but its refresh failed: ${feed.lastError.message}. ${feed.lastError.hint}`);
          return feed.lastError ? EXIT.failed : EXIT.ok;
        });
      }
      case 'import-opml': {
        if (!rest[0]) throw new UsageError('import-opml needs a file');
        const text = readFileSync(rest[0], 'utf8');
        return await withService(dataDir, io, async (service) => {
          const report = await service.importOpml(text);
          for (const p of report.problems) io.err(`${rest[0]}:${p.line}: ${p.message}`);
          io.out(
            `Imported ${report.added} feeds (${report.skipped} already subscribed), ${report.tagsCreated} new tags, ${report.problems.length} problems`,
          );
          return report.problems.length ? EXIT.failed : EXIT.ok;
        });
      }
      case 'export-opml': {
        return await withService(dataDir, io, async (service) => {
          const opml = await service.exportOpml();
          if (values.out) writeFileSync(values.out, opml);
          else io.out(opml.trimEnd());
          return EXIT.ok;
        });
      }
      case 'refresh': {
        const jsonl = values.jsonl === true;
        // Printed from onFeedDone, which runs only after that feed's transaction committed.
        const onFeedDone = jsonl
          ? (r: FeedRefreshResult): void =>
              io.out(
                JSON.stringify({
                  feed: r.url,
                  status: r.status,
                  new: r.newArticles,
                  updated: r.updatedArticles,
                  error: r.error ? `${r.error.message}. ${r.error.hint}` : null,
                  stored: r.stored,
                }),
              )
          : undefined;
        return await withService(
          dataDir,
          io,
          async (service) => {
            const summary = await service.refresh(null);
            if (summary.offline) {
              io.err(
                'syndic: this machine is offline, so nothing was fetched. Run the refresh again when it is online.',
              );
              return EXIT.failed;
            }
            if (summary.diskFull) io.err(`syndic: ${new DiskFullError().message}`);
            const line = `feeds ok: ${summary.ok}, failed: ${summary.failed}, not modified: ${summary.notModified}, new articles: ${summary.newArticles}, updated: ${summary.updatedArticles} (${(summary.durationMs / 1000).toFixed(1)} s)`;
            (jsonl ? io.err : io.out)(line);
            return summary.failed || summary.diskFull ? EXIT.failed : EXIT.ok;
          },
          { progress: true, onFeedDone },
        );
      }
      case 'list': {
        return await withService(dataDir, io, async (service) => {
          const feeds = await service.listFeeds();
          const tagNames = new Map((await service.listTags()).map((t) => [t.id, t.name]));
          for (const f of feeds) {
            const tags = f.tags.map((id) => tagNames.get(id)).join(',');
            const status = f.lastError ? `ERROR ${f.lastError.message}` : 'ok';
            io.out(
              `${f.id}\t${f.unreadCount}/${f.articleCount}\t${f.userTitle ?? f.title ?? '(untitled)'}\t${f.url}\t${tags}\t${status}`,
            );
          }
          return EXIT.ok;
        });
      }
      case 'stats': {
        return await withService(dataDir, io, async (service) => {
          const counts = await service.getCounts();
          const feeds = await service.listFeeds();
          const failing = feeds.filter((f) => f.lastError).length;
          io.out(
            JSON.stringify({
              feeds: feeds.length,
              failingFeeds: failing,
              articles: counts.all,
              unread: counts.unread,
              starred: counts.starred,
              today: counts.today,
              tags: Object.keys(counts.tags).length,
            }),
          );
          return EXIT.ok;
        });
      }
      case 'serve': {
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError('--port takes a number from 0 to 65535');
        // Loaded here: browser mode's server, its WebSocket and the API's schemas are
        // needed by this command only, and every other command starts faster without them.
        const { serveBrowserMode } = await import('../app/browser-mode.js');
        await serveBrowserMode({ dataDir, port, poll: values['no-poll'] !== true, io });
        return EXIT.ok;
      }
      case 'cache': {
        return await withService(
          dataDir,
          io,
          async (service) => {
            service.offline.kick();
            await service.offline.whenIdle();
            const status = service.offline.status();
            io.out(
              `Offline cache: ${status.imageFiles} images (${megabytes(status.imageBytes)} of ${megabytes(status.maxImageBytes)}), ${status.queued} articles still queued`,
            );
            return status.queued ? EXIT.failed : EXIT.ok;
          },
          { progress: true },
        );
      }
      case 'backup': {
        return await withService(dataDir, io, async (service) => {
          if (values.list) {
            for (const b of (await service.getStorageInfo()).backups)
              io.out(`${b.name}\t${new Date(b.createdAt).toISOString()}\t${megabytes(b.bytes)}`);
            return EXIT.ok;
          }
          const backup = await service.createBackup();
          io.out(`Backed up to ${join(backupsDir(dataDir), backup.name)} (${megabytes(backup.bytes)})`);
          return EXIT.ok;
        });
      }
      case 'restore': {
        if (!rest[0]) throw new UsageError('restore needs the name of a backup (see `syndic backup --list`)');
        return await withService(dataDir, io, async (service) => {
          await service.restoreBackup(rest[0]!);
          io.out(`Restored ${rest[0]}; the state before it was backed up first.`);
          return EXIT.ok;
        });
      }
      case 'export-starred': {
        const format = values.format ?? 'html';
        if (format !== 'html' && format !== 'json') throw new UsageError('--format is html or json');
        return await withService(dataDir, io, async (service) => {
          const text = await service.exportStarred(format);
          if (values.out) writeFileSync(values.out, text);
          else io.out(text.trimEnd());
          return EXIT.ok;
        });
      }
      case 'maintain': {
        return await withService(dataDir, io, async (service) => {
          const { removed } = await service.runMaintenance();
          io.out(`Retention removed ${removed} read articles; database optimised.`);
          return EXIT.ok;
        });
      }
      case 'recover': {
        if (values['restore-latest'] === values['start-fresh'])
          throw new UsageError('recover takes one of --restore-latest or --start-fresh');
        const exists = existsSync(databasePath(dataDir));
        if (exists && checkAtStart(databasePath(dataDir)) === null) {
          io.out(`The database in ${dataDir} is whole: nothing to recover.`);
          return EXIT.ok;
        }
        if (values['restore-latest']) {
          // Also for a database file that went missing: the latest backup takes its place.
          const { asidePath, restored } = restoreLatestBackup(dataDir, Date.now());
          io.out(`Restored ${restored}.${exists ? ` The damaged database is kept as ${asidePath}.` : ''}`);
        } else if (!exists) {
          io.out(`There is no database in ${dataDir}: a fresh one is made at the next start.`);
        } else {
          const { asidePath } = startFresh(dataDir, Date.now());
          io.out(`Starting fresh. The damaged database is kept as ${asidePath}.`);
        }
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`syndic: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof NotAFeedError) {
      io.err(`syndic: ${error.message}`);
      return EXIT.notAFeed;
    }
    if (error instanceof DamagedDatabaseError || isDamagedDatabaseError(error)) {
      io.err(
        `syndic: the database in ${dataDir} is damaged (${(error as Error).message}). Nothing has been deleted.\n` +
          'Run `syndic recover --restore-latest` to restore the latest backup, or `syndic recover --start-fresh`;\n' +
          'either way the damaged file is kept aside.',
      );
      return EXIT.damaged;
    }
    if (error instanceof DatabaseTooNewError) {
      io.err(`syndic: ${error.message}`);
      return EXIT.database;
    }
    if (error instanceof FetchError || error instanceof UserError || error instanceof NoWholeBackupError) {
      io.err(`syndic: ${error.message}`);
      return EXIT.failed;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`syndic: ${(error as Error).message}`);
      return EXIT.failed;
    }
    throw error;
  }
}

class UsageError extends Error {}
