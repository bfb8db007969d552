/**
 * `syndic`'s exit codes, for scripts and cron jobs to tell outcomes apart: 0 success; 1 the
 * command ran but something failed (a feed did not refresh, an OPML line was refused); 2 a
 * usage error; 3 the input is not a feed; 4 the database cannot be opened (for example,
 * written by a newer Syndic); 5 the database is damaged (`syndic recover` says what to do).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, notAFeed: 3, database: 4, damaged: 5 } as const;

/** The same, as the last paragraph of `syndic --help`. */
export const EXIT_CODES_HELP = `Exit codes: 0 ok, 1 something failed, 2 usage, 3 not a feed, 4 database unusable,
5 database damaged.`;
