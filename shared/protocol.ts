/**
 * The wire format that carries the ReaderApi between a window and the main side, the same
 * over Electron IPC and over browser mode's WebSocket: a call, its answer (errors as data,
 * never thrown across), and pushed events.
 */
import type { ReaderEventName, ReaderEvents, ReaderMethod } from './api.js';

export interface CallMessage {
  id: number;
  method: ReaderMethod;
  args: unknown[];
}

export interface ErrorInfo {
  /** For the user: what happened and what to do. */
  message: string;
  /** True when the message was written for users (a UserError); false for internal faults. */
  expected: boolean;
}

export type ReplyMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorInfo };

export interface EventMessage<E extends ReaderEventName = ReaderEventName> {
  event: E;
  payload: ReaderEvents[E];
}

/** The error a renderer-side call rejects with: carries the method's name. */
export class ReaderCallError extends Error {
  constructor(
    readonly method: string,
    readonly info: ErrorInfo,
  ) {
    super(info.message);
    this.name = 'ReaderCallError';
  }
}
