/**
 * A full disk, from SQLite (SQLITE_FULL: the write was rolled back, the database is
 * intact) or from the file system (ENOSPC). A refresh that meets one stops at once: every
 * further feed would fail the same way, and each transaction already written is whole.
 */
export class DiskFullError extends Error {
  constructor() {
    super(
      'The disk is full, so Syndic stopped saving new articles. Everything saved before is intact. ' +
        'Free some space on the disk (or lower the image cache size in Settings), then refresh again.',
    );
    this.name = 'DiskFullError';
  }
}

export function isDiskFull(error: unknown): boolean {
  if (error instanceof DiskFullError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}
