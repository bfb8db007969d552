/**
 * Sync passwords under plain Node: `credentials.json` beside the database, mode 0600, in
 * plain text protected by the OS account (the README says so). Never part of a backup or an
 * export: backups copy the database file only. Written to a temporary file first and
 * renamed, so a crash mid-write leaves the old file whole.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountId } from '../../../shared/domain.js';
import type { SecretStore } from './secret-store.js';

export const CREDENTIALS_FILE = 'credentials.json';

interface CredentialsFile {
  version: 1;
  passwords: Record<string, string>;
}

export class FileSecretStore implements SecretStore {
  readonly kind = 'file' as const;
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, CREDENTIALS_FILE);
  }

  private read(): CredentialsFile {
    if (!existsSync(this.path)) return { version: 1, passwords: {} };
    const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<CredentialsFile>;
    return { version: 1, passwords: { ...(parsed.passwords ?? {}) } };
  }

  private write(file: CredentialsFile): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(file, null, 2), { mode: 0o600 });
    chmodSync(temporary, 0o600); // mode applies only at creation; make sure of it
    renameSync(temporary, this.path);
  }

  async get(accountId: AccountId): Promise<string | null> {
    return this.read().passwords[String(accountId)] ?? null;
  }

  async set(accountId: AccountId, secret: string): Promise<void> {
    const file = this.read();
    file.passwords[String(accountId)] = secret;
    this.write(file);
  }

  async delete(accountId: AccountId): Promise<void> {
    const file = this.read();
    if (!(String(accountId) in file.passwords)) return;
    delete file.passwords[String(accountId)];
    this.write(file);
  }
}
