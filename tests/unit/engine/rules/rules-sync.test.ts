/**
 * Rules on a sync account's articles (a Google Reader test server, FreshRSS flavour): a
 * rule's read, star and tag go to the server through the outbox like the user's own, for
 * new articles a sync brings and for stored ones a rule is run on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleDraft } from '../../../../shared/rules.js';
import { syncRig } from '../sync/sync-rig.js';

const SPONSORED: RuleDraft = {
  name: 'Sponsored',
  enabled: true,
  match: 'all',
  conditions: [{ field: 'title', op: 'contains', value: 'sponsored' }],
  actions: [{ type: 'mute' }, { type: 'star' }, { type: 'tag', tag: 'Ads' }],
};

describe('rules on a sync account', () => {
  it("sends a rule's actions on new synced articles to the server", async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://synced.example/feed', folder: 'Synced' });
    const ad = rig.server.state.addItem({ feed, title: 'Sponsored: buy now' });
    const plain = rig.server.state.addItem({ feed, title: 'A real post' });
    await rig.app.service.createRule(SPONSORED);
    await rig.sync();
    const local = await rig.local(ad.id);
    assert.deepEqual([local.read, local.starred], [true, true]);
    assert.equal((await rig.local(plain.id)).read, false);
    // Pushed by the sync that brought them, or waiting for the next one: either way, sent.
    if (rig.outbox().length) await rig.sync();
    assert.deepEqual(rig.outbox(), []);
    const onServer = rig.server.state.item(ad.id)!;
    assert.deepEqual([onServer.read, onServer.starred, onServer.labels], [true, true, ['Ads']]);
    assert.deepEqual([rig.server.state.item(plain.id)!.read, rig.server.state.item(plain.id)!.starred], [false, false]);
  });

  it('records outbox entries when a rule is run on stored synced articles', async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://synced.example/feed', folder: 'Synced' });
    const ads = [1, 2].map((n) => rig.server.state.addItem({ feed, title: `Sponsored ${n}` }));
    rig.server.state.addItem({ feed, title: 'A real post' });
    await rig.sync();
    const rule = await rig.app.service.createRule(SPONSORED);
    assert.deepEqual(await rig.app.service.applyRule(rule.id), { matched: 2, changed: 2 });
    const entries = rig
      .outbox()
      .map((e) => `${e.action} ${e.target}${e.value ? ` ${e.value}` : ''}`)
      .sort();
    const ids = ads.map((a) => rig.localId(a.id) && String(a.id));
    assert.deepEqual(
      entries,
      [...ids.map((id) => `read ${id}`), ...ids.map((id) => `star ${id}`), ...ids.map((id) => `tag ${id} Ads`)].sort(),
    );
    await rig.sync();
    assert.deepEqual(rig.outbox(), []);
    for (const ad of ads) {
      const onServer = rig.server.state.item(ad.id)!;
      assert.deepEqual([onServer.read, onServer.starred, onServer.labels], [true, true, ['Ads']]);
    }
  });
});
