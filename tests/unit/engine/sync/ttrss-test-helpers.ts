/**
 * Shared by the TT-RSS client tests: an assertion on SyncErrors (code, host named, no secret
 * leaked).
 */
import assert from 'node:assert/strict';
import { SyncError, type SyncErrorCode } from '../../../../electron/engine/sync/sync-error.js';

export /** Asserts a SyncError of `code` whose message names `host` and leaks none of `secrets`. */
async function rejectsWith(
  promise: Promise<unknown>,
  code: SyncErrorCode,
  host: string,
  secrets: string[] = [],
): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SyncError, `not a SyncError: ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(error.message.includes(host), `message names ${host}: ${error.message}`);
    for (const secret of secrets)
      assert.ok(!error.message.includes(secret), `message leaks a secret: ${error.message}`);
    return error;
  }
  assert.fail(`expected SyncError ${code}`);
}
