/**
 * The one door every call from a window goes through, whatever carries it (Electron IPC
 * or browser mode's WebSocket): unknown methods refused, arguments validated, errors
 * returned as data. Expected failures (UserError) keep their message; anything else is
 * logged here and reaches the window as a generic message that names the method.
 */
import { READER_METHODS, type ReaderApi, type ReaderMethod } from '../../shared/api.js';
import type { ReplyMessage } from '../../shared/protocol.js';
import { ARG_SCHEMAS } from '../../shared/api-schemas.js';
import { observesFailures } from '../engine/reader/failure-observer.js';
import { UserError } from '../engine/reader/user-error.js';
import { messageOf } from '../../shared/error-message.js';

const KNOWN = new Set<string>(READER_METHODS);

export function isReaderMethod(name: unknown): name is ReaderMethod {
  return typeof name === 'string' && KNOWN.has(name);
}

/** Validates and runs one call. Never throws. */
export async function callReader(
  api: ReaderApi,
  id: number,
  method: unknown,
  args: unknown,
  log: (message: string, error: unknown) => void = (m, e) => console.error(m, e),
): Promise<ReplyMessage> {
  if (!isReaderMethod(method)) {
    return { id, ok: false, error: { message: `Unknown method ${String(method).slice(0, 100)}`, expected: false } };
  }
  const parsed = ARG_SCHEMAS[method].safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (argument ${issue.path.join('.')})` : '';
    return {
      id,
      ok: false,
      error: { message: `Invalid arguments for ${method}${where}: ${issue?.message ?? 'invalid'}`, expected: false },
    };
  }
  try {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
    const result = await fn.apply(api, parsed.data as unknown[]);
    return { id, ok: true, result: result ?? null };
  } catch (error) {
    if (error instanceof UserError) return { id, ok: false, error: { message: error.message, expected: true } };
    log(`${method} failed:`, error);
    if (observesFailures(api)) api.noticeFailure(error);
    return {
      id,
      ok: false,
      error: {
        message: `${method} failed: ${messageOf(error)}`,
        expected: false,
      },
    };
  }
}
