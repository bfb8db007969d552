/**
 * The engine's SecretStore when the passwords are kept by another process (Electron's
 * main process, which alone can use safeStorage): each get/set/delete is a message on the
 * engine's port, answered by serveSecrets() on the other side. The password is decrypted
 * there and crosses the port only when a sync needs it; the engine never writes it down.
 */
import type { AccountId } from '../../shared/domain.js';
import type { SecretStore, SecretStoreKind } from '../engine/sync/secret-store.js';
import type { EnginePort, FromEngine, SecretOperation, ToEngine } from './engine-protocol.js';

export class PortSecretStore implements SecretStore {
  private readonly pending = new Map<number, { resolve: (v: string | null) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(
    private readonly port: EnginePort,
    readonly kind: SecretStoreKind = 'safe-storage',
  ) {
    port.onMessage((raw) => {
      const message = raw as ToEngine;
      if (message?.type !== 'secret-reply') return;
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!call) return;
      if (message.ok) call.resolve(message.value);
      else call.reject(new Error(message.error));
    });
  }

  private ask(op: SecretOperation, accountId: AccountId, value?: string): Promise<string | null> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      const message: FromEngine = { type: 'secret', id, op, accountId, ...(value === undefined ? {} : { value }) };
      this.port.post(message);
    });
  }

  get(accountId: AccountId): Promise<string | null> {
    return this.ask('get', accountId);
  }
  async set(accountId: AccountId, secret: string): Promise<void> {
    await this.ask('set', accountId, secret);
  }
  async delete(accountId: AccountId): Promise<void> {
    await this.ask('delete', accountId);
  }
}

/** The serving side: answers the engine's secret requests from `store`. */
export function answerSecret(
  port: EnginePort,
  store: SecretStore,
  message: Extract<FromEngine, { type: 'secret' }>,
): void {
  const { id, op, accountId, value } = message;
  const work =
    op === 'get'
      ? store.get(accountId)
      : op === 'set'
        ? store.set(accountId, value ?? '').then(() => null)
        : store.delete(accountId).then(() => null);
  work.then(
    (result) => port.post({ type: 'secret-reply', id, ok: true, value: result }),
    // The reason only (a keychain that is locked), never the secret.
    (error: unknown) =>
      port.post({ type: 'secret-reply', id, ok: false, error: error instanceof Error ? error.message : 'failed' }),
  );
}
