/**
 * Sync passwords in the desktop app: the engine process asks over its port, the main
 * process answers from safeStorage (here a stand-in with the same interface, since
 * Electron's binary cannot run here) and keeps only ciphertext on disk, mode 0600.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { EnginePort, FromEngine } from '../../../electron/app/engine-protocol.js';
import { answerSecret, PortSecretStore } from '../../../electron/app/port-secret-store.js';
import { FileSecretStore } from '../../../electron/engine/sync/file-secret-store.js';
import {
  SAFE_CREDENTIALS_FILE,
  SafeStorageSecrets,
  type Encryption,
} from '../../../electron/shell/safe-storage-secrets.js';
import { tempDir } from '../../support/temp.js';

/** A reversible stand-in for the OS keychain: what lands on disk is not the password. */
function fakeKeychain(available = true): Encryption {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

function portOf(port: MessagePort): EnginePort {
  return { post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener) };
}

/** The engine's store on one end of a channel, the main process's safeStorage on the other. */
function connected(dataDir: string, keychain: Encryption): { engine: PortSecretStore; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const main = portOf(port2);
  const store = new SafeStorageSecrets(dataDir, keychain);
  main.onMessage((raw) => {
    const message = raw as FromEngine;
    if (message.type === 'secret') answerSecret(main, store, message);
  });
  return {
    engine: new PortSecretStore(portOf(port1)),
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

describe('sync passwords kept by the main process', () => {
  it('stores, reads back and deletes a password through the port, with only ciphertext on disk (0600)', async (t) => {
    const dir = tempDir();
    const { engine, close } = connected(dir.path, fakeKeychain());
    t.after(() => {
      close();
      dir.remove();
    });
    await engine.set(2, 'correct horse battery');
    assert.equal(await engine.get(2), 'correct horse battery');
    const file = join(dir.path, SAFE_CREDENTIALS_FILE);
    const onDisk = readFileSync(file, 'utf8');
    assert.ok(!onDisk.includes('correct horse'), 'no clear password on disk');
    assert.ok(!onDisk.includes(Buffer.from('correct horse battery').toString('base64')), 'nor merely encoded');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(await engine.get(3), null);
    await engine.delete(2);
    assert.equal(await engine.get(2), null);
  });

  it('refuses to store a password when the keychain is unavailable, and says why without the password', async (t) => {
    const dir = tempDir();
    const { engine, close } = connected(dir.path, fakeKeychain(false));
    t.after(() => {
      close();
      dir.remove();
    });
    await assert.rejects(engine.set(2, 'hunter2-secret'), (error: Error) => {
      assert.match(error.message, /keychain is not available/);
      assert.ok(!error.message.includes('hunter2'));
      return true;
    });
  });
});

describe('sync passwords under plain Node', () => {
  it('keeps them in credentials.json, readable only by the user', async (t) => {
    const dir = tempDir();
    t.after(() => dir.remove());
    const store = new FileSecretStore(dir.path);
    await store.set(4, 'pw-4');
    await store.set(5, 'pw-5');
    await store.delete(4);
    assert.equal(await new FileSecretStore(dir.path).get(5), 'pw-5');
    assert.equal(await store.get(4), null);
    assert.equal(statSync(join(dir.path, 'credentials.json')).mode & 0o777, 0o600);
  });
});
