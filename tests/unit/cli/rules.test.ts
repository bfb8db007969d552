/**
 * `syndic rules` as a user runs it (the built CLI, a loopback feed): importing the issue's
 * two rules, which then act on the articles `syndic add` fetches; list (lines and JSON);
 * export to a file and to stdout, byte for byte what was imported; a bad file refused
 * whole with its line and reason (exit 1); apply on stored articles; usage errors (exit 2).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Rule, RulesFile } from '../../../shared/rules.js';
import { closeDatabase, openDatabase } from '../../../electron/engine/store/db.js';
import { assertBuilt, runCli } from '../../support/cli.js';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';
import { ISSUE_RULES } from '../../support/rules-example.js';
import { tempDir } from '../../support/temp.js';

const FILE: RulesFile = ISSUE_RULES;
const TEXT = JSON.stringify(FILE, null, 2) + '\n';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
<item><guid>1</guid><title>Sponsored: a deal</title><link>https://news.example/1</link><description>Buy.</description></item>
<item><guid>2</guid><title>Weekly links</title><link>https://news.example/2</link><description>Look at github.com/me/syndic today.</description></item>
<item><guid>3</guid><title>Other news</title><link>https://news.example/3</link><description>Nothing.</description></item>
</channel></rss>`;

describe('syndic rules', () => {
  let server: FeedServer;
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  const file = (name: string): string => join(dir.path, name);

  before(async () => {
    assertBuilt();
    server = await startFeedServer();
    server.serve('/news.xml', { body: FEED, contentType: 'application/rss+xml' });
    dir = tempDir();
    data = file('data');
    writeFileSync(file('rules.json'), TEXT);
  });
  after(async () => {
    await server.close();
    dir.remove();
  });

  it('imports rules that then handle the articles a new feed brings', async () => {
    const imported = await runCli(['rules', 'import', file('rules.json'), '--data-dir', data]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /imported 2 rules/);
    const added = await runCli(['add', server.url('/news.xml'), '--data-dir', data]);
    assert.equal(added.code, 0, added.stderr);
    const db = openDatabase(join(data, 'syndic.db'));
    try {
      const rows = db.prepare('SELECT title, read, starred, muted FROM articles ORDER BY guid').all();
      assert.deepEqual(rows, [
        { title: 'Sponsored: a deal', read: 1, starred: 0, muted: 1 },
        { title: 'Weekly links', read: 0, starred: 1, muted: 0 },
        { title: 'Other news', read: 0, starred: 0, muted: 0 },
      ]);
    } finally {
      closeDatabase(db);
    }
  });

  it('lists the rules, as lines or as JSON', async () => {
    const lines = await runCli(['rules', 'list', '--data-dir', data]);
    assert.equal(lines.code, 0, lines.stderr);
    assert.deepEqual(lines.stdout.trimEnd().split('\n'), [
      '1\ton\tSponsored posts in Example News\tfeed is "Example News" and title contains "Sponsored" -> mute',
      '2\ton\tMy project\ttitle matches "\\\\bsyndic\\\\b" or content contains "github.com/me/syndic" -> star, notify',
    ]);
    const json = JSON.parse((await runCli(['rules', 'list', '--json', '--data-dir', data])).stdout) as Rule[];
    assert.deepEqual(
      json.map(({ id, position, ...draft }) => [id, position, draft]),
      FILE.rules.map((draft, i) => [i + 1, i, draft]),
    );
  });

  it('exports exactly what was imported, to a file or to stdout', async () => {
    const out = await runCli(['rules', 'export', '--out', file('out.json'), '--data-dir', data]);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(readFileSync(file('out.json'), 'utf8'), TEXT);
    assert.equal((await runCli(['rules', 'export', '--data-dir', data])).stdout, TEXT);
  });

  it('refuses a bad file whole, with the line and the reason', async () => {
    const bad = structuredClone(FILE);
    bad.rules.push({ ...FILE.rules[0]!, name: 'Third' });
    bad.rules[2]!.conditions[1] = { field: 'title', op: 'matches', value: '(\\w)\\1' };
    const text = JSON.stringify(bad, null, 2);
    writeFileSync(file('bad.json'), text);
    // Each rule starts on the line of its opening brace.
    const starts = text.split('\n').flatMap((l, i) => (l === '    {' ? [i + 1] : []));
    const refused = await runCli(['rules', 'import', file('bad.json'), '--data-dir', data]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      new RegExp(
        `^syndic: The rules file was not imported\\. Line ${starts[2]}: rule 3 "Third": condition 2: the pattern "\\(\\\\w\\)\\\\1" cannot run in linear time`,
      ),
    );
    writeFileSync(file('broken.json'), '{\n  "syndicRules": 1,\n  "rules": [\n    {,\n  ]\n}\n');
    const broken = await runCli(['rules', 'import', file('broken.json'), '--data-dir', data]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /This is not valid JSON: line 4, column 6: expected a property name in double quotes/);
    assert.equal((await runCli(['rules', 'export', '--data-dir', data])).stdout, TEXT, 'nothing was imported');
    const missing = await runCli(['rules', 'import', file('nowhere.json'), '--data-dir', data]);
    assert.equal(missing.code, 1);
  });

  it('applies a rule to the stored articles, saying what it matched and changed', async () => {
    const more: RulesFile = {
      syndicRules: 1,
      rules: [
        {
          name: 'Read the rest',
          enabled: false,
          match: 'all',
          conditions: [{ field: 'domain', op: 'is', value: 'news.example' }],
          actions: [{ type: 'mark-read' }],
        },
      ],
    };
    writeFileSync(file('more.json'), JSON.stringify(more));
    assert.equal((await runCli(['rules', 'import', file('more.json'), '--data-dir', data])).code, 0);
    const applied = await runCli(['rules', 'apply', '3', '--data-dir', data]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(applied.stdout, 'rule 3: matched 3 stored articles, changed 2\n');
    const unknown = await runCli(['rules', 'apply', '99', '--data-dir', data]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /There is no rule with id 99/);
  });

  it('answers a misuse with exit code 2 and the usage', async () => {
    for (const args of [['rules'], ['rules', 'frobnicate'], ['rules', 'apply', 'x'], ['rules', 'import']]) {
      const result = await runCli([...args, '--data-dir', data]);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /list \[--json\] \| export \[--out FILE\] \| import FILE \| apply ID/);
    }
  });
});
