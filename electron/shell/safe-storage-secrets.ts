/**
 * Sync passwords in the desktop app: encrypted with Electron's safeStorage (the OS
 * keychain: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and kept,
 * encrypted, in `credentials.safe.json` beside the database, mode 0600. safeStorage exists
 * only in the main process, so this runs there and answers the engine process over its
 * port (app/port-secret-store.ts). The CLI cannot decrypt these: `syndic sync` says so and
 * takes the password on standard input instead.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountId } from '../../shared/domain.js';
import type { SecretStore } from '../engine/sync/secret-store.js';

export const SAFE_CREDENTIALS_FILE = 'credentials.safe.json';

/** What safeStorage offers; an interface so the file logic is tested under plain Node. */
export interface Encryption {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export class SafeStorageSecrets implements SecretStore {
  readonly kind = 'safe-storage' as const;
  private readonly path: string;

  constructor(
    dataDir: string,
    /** Electron's safeStorage (passed in, so this file loads under plain Node for its tests). */
    private readonly encryption: Encryption,
  ) {
    this.path = join(dataDir, SAFE_CREDENTIALS_FILE);
  }

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    return (JSON.parse(readFileSync(this.path, 'utf8')) as { passwords?: Record<string, string> }).passwords ?? {};
  }

  private write(passwords: Record<string, string>): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, passwords }, null, 2), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }

  async get(accountId: AccountId): Promise<string | null> {
    const sealed = this.read()[String(accountId)];
    if (sealed === undefined) return null;
    return this.encryption.decryptString(Buffer.from(sealed, 'base64'));
  }

  async set(accountId: AccountId, secret: string): Promise<void> {
    if (!this.encryption.isEncryptionAvailable()) {
      throw new Error('The system keychain is not available, so the password cannot be stored safely.');
    }
    const passwords = this.read();
    passwords[String(accountId)] = this.encryption.encryptString(secret).toString('base64');
    this.write(passwords);
  }

  async delete(accountId: AccountId): Promise<void> {
    const passwords = this.read();
    if (!(String(accountId) in passwords)) return;
    delete passwords[String(accountId)];
    this.write(passwords);
  }
}
