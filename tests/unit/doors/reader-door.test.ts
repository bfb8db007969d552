/**
 * The door every window call goes through (electron/doors/reader-door.ts): unknown
 * methods and bad arguments refused before the service is reached, with the limits the
 * service itself enforces, and errors returned as data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callReader } from '../../../electron/doors/reader-door.js';
import { inThreadParser } from '../../../electron/engine/feeds/in-thread-parser.js';
import { ReaderService, UserError } from '../../../electron/engine/reader/reader-service.js';
import { insertFeed } from '../../../electron/engine/store/feeds.js';
import type { ReaderApi } from '../../../shared/api.js';
import { ARG_SCHEMAS } from '../../../shared/api-schemas.js';
import { tempDatabase } from '../../support/temp.js';

const quiet = (): void => undefined;

describe('the reader door', () => {
  let t: ReturnType<typeof tempDatabase>;
  let service: ReaderService;
  let feedId: number;

  before(() => {
    t = tempDatabase();
    service = new ReaderService({ db: t.db, parser: inThreadParser, headless: true });
    feedId = insertFeed(t.db, { url: 'http://127.0.0.1:9/feed.xml' }, Date.now()).feed.id;
  });
  after(async () => {
    await service.shutdown();
    t.done();
  });

  it('refuses a 1-minute refresh interval before it reaches the service', async () => {
    let reached = false;
    const api = Object.assign(Object.create(service) as ReaderService, {
      updateFeed: () => {
        reached = true;
        return Promise.reject(new Error('the service was reached'));
      },
    });
    const reply = await callReader(api, 1, 'updateFeed', [feedId, { refreshMinutes: 1 }], quiet);
    assert.equal(reply.ok, false);
    assert.match(
      !reply.ok ? reply.error.message : '',
      /^Invalid arguments for updateFeed \(argument 1\.refreshMinutes\)/,
    );
    assert.equal(reached, false);
  });

  it("validates refresh intervals with the service's own limits (5 minutes to 7 days), for a feed and the default", async () => {
    for (const minutes of [1, 4, 5, 6, 60, 7 * 24 * 60, 7 * 24 * 60 + 1, 100_000]) {
      const byService = await service.updateFeed(feedId, { refreshMinutes: minutes }).then(
        () => true,
        (error: unknown) => {
          assert.ok(error instanceof UserError, String(error));
          assert.match(error.message, /between 5 minutes and 7 days/);
          return false;
        },
      );
      const schema = ARG_SCHEMAS.updateFeed.safeParse([feedId, { refreshMinutes: minutes }]).success;
      assert.equal(schema, byService, `${minutes} minutes: the schema ${schema ? 'accepts' : 'refuses'} it`);
      const setting = ARG_SCHEMAS.updateSettings.safeParse([{ refreshMinutes: minutes }]).success;
      assert.equal(setting, byService, `${minutes} minutes as the default interval`);
    }
    const cleared = await callReader(service, 4, 'updateFeed', [feedId, { refreshMinutes: null }], quiet);
    assert.equal(cleared.ok, true, 'null: the feed follows the default again');
  });

  it('refuses an unknown method, a missing or extra argument, and an unknown field', async () => {
    const cases: [method: unknown, args: unknown, message: RegExp][] = [
      ['dropDatabase', [], /^Unknown method dropDatabase$/],
      ['constructor', [], /^Unknown method constructor$/],
      [{ toString: () => 'x' }, [], /^Unknown method/],
      ['getArticle', [], /^Invalid arguments for getArticle/],
      ['getArticle', [1, 2], /^Invalid arguments for getArticle/],
      ['getArticle', ['1'], /^Invalid arguments for getArticle \(argument 0\)/],
      ['getArticle', [-1], /^Invalid arguments for getArticle \(argument 0\)/],
      ['updateFeed', [feedId, { refreshMinutes: 60, admin: true }], /^Invalid arguments for updateFeed \(argument 1\)/],
      ['listArticles', [{ view: 'all' }, null, 501], /^Invalid arguments for listArticles \(argument 2\)/],
      ['markRead', 'not a list', /^Invalid arguments for markRead/],
    ];
    for (const [method, args, message] of cases) {
      const reply = await callReader(service, 5, method, args, quiet);
      assert.equal(reply.ok, false, String(method));
      assert.match(!reply.ok ? reply.error.message : '', message);
      assert.equal(!reply.ok && reply.error.expected, false);
    }
  });

  it("returns a user error's message as expected, and any other failure by the method's name", async () => {
    const missing = await callReader(service, 6, 'updateFeed', [999_999, { userTitle: 'x' }], quiet);
    assert.deepEqual(missing, {
      id: 6,
      ok: false,
      error: { message: 'There is no feed with id 999999', expected: true },
    });
    const logged: string[] = [];
    const failing = { getCounts: () => Promise.reject(new Error('disk on fire')) } as unknown as ReaderApi;
    const reply = await callReader(failing, 7, 'getCounts', [], (message) => logged.push(message));
    assert.deepEqual(reply, {
      id: 7,
      ok: false,
      error: { message: 'getCounts failed: disk on fire', expected: false },
    });
    assert.deepEqual(logged, ['getCounts failed:']);
  });
});
