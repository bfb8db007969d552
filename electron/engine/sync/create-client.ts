/** The one place that knows which protocol folder serves which account kind. */
import { createGReaderClient } from './greader/greader-client.js';
import type { SyncClient, SyncCredentials, SyncProtocol } from './sync-client.js';
import { createTtrssClient } from './ttrss/ttrss-client.js';

export interface ClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  maxRetryWaitMs?: number;
}

export type ClientFactory = (protocol: SyncProtocol, credentials: SyncCredentials) => SyncClient;

export function clientFactory(options: ClientOptions = {}): ClientFactory {
  return (protocol, credentials) =>
    protocol === 'ttrss' ? createTtrssClient(credentials, options) : createGReaderClient(credentials, options);
}
