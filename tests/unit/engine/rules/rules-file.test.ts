/**
 * The rules file: export, import into an empty Syndic and export again gives the same bytes;
 * import adds after the existing rules; a bad file is refused whole (nothing stored), with
 * the line and the reason: a JSON syntax error's line and column, a rule the schema refuses
 * by number, name, place in the rule and the line it starts on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, type TestContext } from 'node:test';
import type { RulesFile } from '../../../../shared/rules.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { EXAMPLE } from '../../../support/rules-example.js';
import { tempDatabase } from '../../../support/temp.js';

function service(t: TestContext): ReaderService {
  const data = tempDatabase();
  const s = new ReaderService({ db: data.db, parser: inThreadParser, headless: true });
  t.after(async () => {
    await s.shutdown();
    data.done();
  });
  return s;
}

const TEXT = JSON.stringify(EXAMPLE, null, 2) + '\n';

describe('the rules file', () => {
  it('round-trips exactly: export, import into an empty Syndic, export again', async (t) => {
    const first = service(t);
    assert.deepEqual(await first.importRules(TEXT), { imported: 3 });
    const exported = await first.exportRules();
    assert.equal(exported, TEXT);
    const second = service(t);
    await second.importRules(exported);
    assert.equal(await second.exportRules(), exported);
    // The same bytes whatever order the keys came in and however the file was spaced.
    const shuffled = JSON.stringify({
      rules: EXAMPLE.rules.map((r) => ({
        actions: r.actions,
        conditions: r.conditions,
        match: r.match,
        enabled: r.enabled,
        name: r.name,
      })),
      syndicRules: 1,
    });
    const third = service(t);
    await third.importRules('\ufeff' + shuffled);
    assert.equal(await third.exportRules(), TEXT);
    assert.equal(await service(t).exportRules(), '{\n  "syndicRules": 1,\n  "rules": []\n}\n');
  });

  it("imports the README's example", async (t) => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const example = /## Rules\n[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const s = service(t);
    assert.deepEqual(await s.importRules(example), { imported: 2 });
    assert.deepEqual(JSON.parse(await s.exportRules()), { syndicRules: 1, rules: EXAMPLE.rules.slice(0, 2) });
  });

  it('adds the rules after the existing ones', async (t) => {
    const s = service(t);
    await s.createRule({
      name: 'Mine',
      enabled: true,
      match: 'all',
      conditions: [{ field: 'title', op: 'contains', value: 'x' }],
      actions: [{ type: 'star' }],
    });
    await s.importRules(TEXT);
    assert.deepEqual(
      (await s.listRules()).map((r) => [r.position, r.name]),
      [
        [0, 'Mine'],
        [1, 'Sponsored posts in Example News'],
        [2, 'My project'],
        [3, 'Everything else, once'],
      ],
    );
  });

  /** Imports `text` into a service holding the example, expecting a refusal that matches. */
  async function refused(t: TestContext, text: string, message: RegExp): Promise<void> {
    const s = service(t);
    await s.importRules(TEXT);
    await assert.rejects(s.importRules(text), (e: Error) => {
      assert.match(e.message, /^The rules file was not imported\. /);
      assert.match(e.message, message);
      return true;
    });
    assert.equal(await s.exportRules(), TEXT, 'nothing was stored');
  }

  it('refuses a file that is not JSON, with the line and column', async (t) => {
    const broken = TEXT.replace('"match": "any",', '"match": "any"');
    const line = TEXT.split('\n').findIndex((l) => l.includes('"match": "any"')) + 2;
    await refused(t, broken, new RegExp(`This is not valid JSON: line ${line}, column 7: expected ',' or '}'\\.$`));
    await refused(t, '{"syndicRules": 1, "rules": [', /line 1, column 30: expected a value/);
    await refused(t, '', /line 1, column 1: expected a value/);
    await refused(t, '{"syndicRules": 1, "rules": []} x', /line 1, column 33: expected the end of the file/);
  });

  it('refuses a file with one bad rule whole, naming the rule, what is wrong and its line', async (t) => {
    const file = structuredClone(EXAMPLE) as unknown as { rules: Record<string, unknown>[] };
    (file.rules[1]!.conditions as Record<string, unknown>[])[0]!.op = 'resembles';
    const text = JSON.stringify(file, null, 2);
    // The second rule starts on the line of its opening brace.
    const starts = text.split('\n').reduce<number[]>((at, l, i) => (l === '    {' ? [...at, i + 1] : at), []);
    await refused(
      t,
      text,
      new RegExp(`^The rules file was not imported\\. Line ${starts[1]}: rule 2 "My project": condition 1, op: `),
    );
  });

  it('refuses a pattern that cannot run in linear time, and what the schema does not know', async (t) => {
    const pattern = structuredClone(EXAMPLE);
    pattern.rules[2]!.conditions[1] = { field: 'title', op: 'matches', value: '(a+)\\1' };
    await refused(
      t,
      JSON.stringify(pattern, null, 2),
      /rule 3 "Everything else, once": condition 2: the pattern "\(a\+\)\\1" cannot run in linear time/,
    );
    const extra = structuredClone(EXAMPLE) as unknown as { rules: Record<string, unknown>[] };
    extra.rules[0]!.priority = 3;
    await refused(
      t,
      JSON.stringify(extra, null, 2),
      /Line 4: rule 1 "Sponsored posts in Example News": Unrecognized key: "priority"\.$/,
    );
    await refused(t, JSON.stringify({ rules: [] }), /Line 1: this is not a Syndic rules file/);
    await refused(t, JSON.stringify({ syndicRules: 2, rules: [] }), /of version 2; this Syndic reads version 1/);
    await refused(t, '{\n"syndicRules": 1,\n"rules": {}}', /Line 3: "rules" must be a list/);
    await refused(t, JSON.stringify([1]), /not a Syndic rules file/);
  });

  it('refuses a file that would hold more rules than Syndic keeps', async (t) => {
    const many: RulesFile = { syndicRules: 1, rules: Array.from({ length: 998 }, () => EXAMPLE.rules[0]!) };
    await refused(t, JSON.stringify(many), /at most 1000 rules; this would make 1001/);
  });
});
