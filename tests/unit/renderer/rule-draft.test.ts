/** The rule editor's draft (renderer/src/state/rule-draft.ts): what is previewed, what can be saved, where a problem shows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleDraft } from '../../../shared/rules.js';
import {
  draftGap,
  draftOf,
  newRuleDraft,
  previewable,
  problemRow,
  removeAt,
  replaceAt,
  retypeAction,
} from '../../../renderer/src/state/rule-draft.js';

const draft = (fields: Partial<RuleDraft>): RuleDraft => ({ ...newRuleDraft(), name: 'Ads', ...fields });

describe('the preview of a draft', () => {
  it('sends the conditions with a value, and remembers which rows they are', () => {
    const sent = previewable(
      draft({
        conditions: [
          { field: 'title', op: 'contains', value: 'Sponsored' },
          { field: 'author', op: 'is', value: ' ' },
          { field: 'link', op: 'matches', value: '(a)\\1' },
        ],
        actions: [{ type: 'tag', tag: '' }],
      }),
    );
    assert.ok(sent);
    assert.deepEqual(sent.rows, [0, 2]);
    assert.deepEqual(
      sent.draft.conditions.map((c) => c.value),
      ['Sponsored', '(a)\\1'],
    );
    // An action still being written does not stop the preview of the conditions.
    assert.deepEqual(sent.draft.actions, [{ type: 'mark-read' }]);
  });

  it('sends nothing until a condition has a value, and names an unnamed draft for the engine', () => {
    assert.equal(previewable(newRuleDraft()), null);
    const sent = previewable(draft({ name: '', conditions: [{ field: 'title', op: 'contains', value: 'x' }] }));
    assert.ok(sent?.draft.name);
  });
});

describe('saving a draft', () => {
  it('names the first missing piece', () => {
    assert.equal(draftGap(draft({ name: ' ' })), 'name');
    assert.equal(draftGap(draft({ conditions: [] })), 'no-condition');
    assert.equal(draftGap(draft({})), 'condition-value');
    const ok = { conditions: [{ field: 'title' as const, op: 'contains' as const, value: 'x' }] };
    assert.equal(draftGap(draft({ ...ok, actions: [] })), 'no-action');
    assert.equal(draftGap(draft({ ...ok, actions: [{ type: 'tag', tag: '' }] })), 'tag-name');
    assert.equal(draftGap(draft(ok)), null);
  });

  it('takes a stored rule back as a draft, without its id and place', () => {
    const rule = { ...draft({}), id: 4, position: 2 };
    assert.deepEqual(Object.keys(draftOf(rule)).sort(), ['actions', 'conditions', 'enabled', 'match', 'name']);
  });

  it('changes one row at a time', () => {
    assert.deepEqual(replaceAt([1, 2, 3], 1, 9), [1, 9, 3]);
    assert.deepEqual(removeAt([1, 2, 3], 0), [2, 3]);
    assert.deepEqual(retypeAction({ type: 'star' }, 'tag'), { type: 'tag', tag: '' });
    const tag = { type: 'tag' as const, tag: 'ads' };
    assert.equal(retypeAction(tag, 'tag'), tag);
  });
});

describe("where the engine's problem shows", () => {
  const conditions = [
    { field: 'title' as const, op: 'contains' as const, value: 'x' },
    { field: 'title' as const, op: 'matches' as const, value: '(a)\\1' },
  ];

  it('on the condition it names by number, or by its pattern', () => {
    assert.equal(problemRow('Condition 2: RE2 does not support backreferences', conditions), 1);
    assert.equal(problemRow('The pattern (a)\\1 uses a backreference', conditions), 1);
    assert.equal(problemRow('a backreference', conditions), 1, 'the only pattern');
  });

  it('for the whole rule when it cannot tell', () => {
    assert.equal(problemRow(null, conditions), null);
    assert.equal(problemRow('condition 7 is wrong', [conditions[0]!]), null);
  });
});
