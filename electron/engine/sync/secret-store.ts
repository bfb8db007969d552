/**
 * Where sync passwords live. The database never holds them: it records only which store
 * holds an account's password. Electron keeps them encrypted by the OS keychain
 * (safeStorage, reachable only from the main process, so the engine asks over its port:
 * shell/safe-storage-secrets.ts); plain Node (the CLI, browser mode) keeps them in a file
 * of their own beside the database, readable only by the user (file-secret-store.ts).
 */
import type { AccountId } from '../../../shared/domain.js';

export type SecretStoreKind = 'file' | 'safe-storage';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  get(accountId: AccountId): Promise<string | null>;
  set(accountId: AccountId, secret: string): Promise<void>;
  delete(accountId: AccountId): Promise<void>;
}
