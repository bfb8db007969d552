/**
 * What rules cost a refresh (`npm run bench -- rules`): the cold 1,000-feed refresh of the
 * `refresh` section (1,000 feeds x 20 items, 100 loopback hosts, 50 ms latency, the real
 * `syndic` CLI), without rules and with 50 (40 `contains` on title or body, 10 patterns),
 * in interleaved pairs on fresh data directories, the first of each pair alternating. The
 * goal: at most 10% slower with the rules.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleCondition, RuleDraft, RulesFile } from '../../shared/rules.js';
import { parseFeed } from '../../electron/engine/feeds/parse.js';
import { prepareItem, type PreparedItem } from '../../electron/engine/feeds/prepare-item.js';
import { itemFacts } from '../../electron/engine/rules/article-facts.js';
import { compileEnabled } from '../../electron/engine/rules/rule-classifier.js';
import { openDatabase } from '../../electron/engine/store/db.js';
import { assertBuilt } from '../support/cli.js';
import { feedXml, startCorpus } from '../support/corpus.js';
import { loadSeedPostsFromFixtures } from '../support/seed-posts.js';
import { tempDir } from '../support/temp.js';
import { runCli, type RunStats as Run } from './measured-run.js';
import { median, range } from './summary.js';

type Record = (key: string, value: string) => void;

const PAIRS = Number(process.env.SYNDIC_BENCH_RULES_PAIRS ?? 4);

/** Words a user might watch for: some occur often in the corpus (the seed posts), most never. */
const WORDS = [
  'sponsored',
  'giveaway',
  'kubernetes',
  'webassembly',
  'my project',
  'postgres',
  'layoffs',
  'rust',
  'security',
  'release',
  'privacy',
  'apple',
  'google',
  'linux',
  'open source',
  'database',
  'browser',
  'python',
  'javascript',
  'climate',
];
/** Patterns on titles; two of them require no word (a version number, "AI"), so they always run. */
const TITLE_PATTERNS = [
  '^\\[?sponsored\\]?',
  'v?\\d+\\.\\d+\\.\\d+',
  '\\b(ai|llm)s?\\b',
  '^(ask|show) hn:',
  '\\brust(lang)? 1\\.\\d+',
];
/** Patterns on bodies, each with a word any match contains (as most patterns have). */
const CONTENT_PATTERNS = [
  '\\bsponsor(ed)?\\b',
  'giveaway|promo code',
  '(?:black|cyber) friday',
  '\\bcve-\\d{4}-\\d+',
  'github\\.com/[\\w-]+/syndic',
];
/** A body pattern that requires no word: the engine reads every body (measured apart). */
export const WEAK_CONTENT_PATTERN = '\\b(ai|llm)s?\\b';

/** The 50 rules: 20 `contains` on titles, 20 on bodies, 5 patterns on each. */
export function benchRuleSet(): RulesFile {
  const rule = (name: string, condition: RuleCondition, i: number): RuleDraft => ({
    name,
    enabled: true,
    match: 'all',
    conditions: [condition],
    actions: [i % 3 === 0 ? { type: 'mark-read' } : i % 3 === 1 ? { type: 'star' } : { type: 'tag', tag: `Rule ${i}` }],
  });
  const rules: RuleDraft[] = [];
  for (const [field, patterns] of [
    ['title', TITLE_PATTERNS],
    ['content', CONTENT_PATTERNS],
  ] as const) {
    for (const value of WORDS)
      rules.push(rule(`${field} has ${value}`, { field, op: 'contains', value }, rules.length));
    for (const value of patterns)
      rules.push(rule(`${field} ~ ${value}`, { field, op: 'matches', value }, rules.length));
  }
  return { syndicRules: 1, rules };
}

type Kind = 'plain' | 'rules';

export async function benchRules(log: (line: string) => void, record: Record): Promise<void> {
  log(`\nrules: the cold refresh without and with 50 rules, ${PAIRS} interleaved pairs`);
  assertBuilt();
  const corpus = await startCorpus({ feeds: 1000, items: 20, hosts: 100, latencyMs: 50 });
  const dir = tempDir('syndic-bench-rules-');
  try {
    const opml = join(dir.path, 'corpus.opml');
    writeFileSync(opml, corpus.opml);
    const rulesFile = join(dir.path, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify(benchRuleSet(), null, 2));
    const runs: { [K in Kind]: Run[] } = { plain: [], rules: [] };
    let ruled = '';
    for (let pair = 0; pair < PAIRS; pair++) {
      const order: Kind[] = pair % 2 ? ['rules', 'plain'] : ['plain', 'rules'];
      for (const kind of order) {
        const data = join(dir.path, `data-${pair}-${kind}`);
        const step = async (args: string[]): Promise<Run> => {
          const run = await runCli([...args, '--data-dir', data]);
          // A refresh on a busy machine may lose a feed to its deadline (exit 1): it is shown.
          if (run.code !== 0 && !(args[0] === 'refresh' && run.code === 1))
            throw new Error(`syndic ${args.join(' ')} failed: ${run.stderr.slice(-2000)}`);
          return run;
        };
        await step(['import-opml', opml]);
        if (kind === 'rules') await step(['rules', 'import', rulesFile]);
        const cold = await step(['refresh']);
        runs[kind].push(cold);
        log(
          `  pair ${pair + 1}, ${kind.padEnd(5)} ${cold.seconds.toFixed(2)} s, CPU ${cold.cpuSeconds.toFixed(2)} s, peak ${cold.peakMb.toFixed(0)} MB  (${cold.stdout.trim()})`,
        );
        if (kind === 'rules' && !ruled) ruled = whatTheRulesDid(join(data, 'syndic.db'));
      }
    }
    const figures = (kind: Kind): string => {
      const wall = runs[kind].map((r) => r.seconds);
      const cpu = runs[kind].map((r) => r.cpuSeconds);
      const peak = median(runs[kind].map((r) => r.peakMb));
      return `${median(wall).toFixed(2)} s (${range(wall)}), CPU ${median(cpu).toFixed(2)} s (${range(cpu)}), peak ${peak.toFixed(0)} MB`;
    };
    record('refresh, cold, no rules (median)', figures('plain'));
    record('refresh, cold, 50 rules (median)', figures('rules'));
    const cost = (of: (r: Run) => number): string => {
      const pairs = runs.rules.map((r, i) => ((of(r) - of(runs.plain[i]!)) / of(runs.plain[i]!)) * 100);
      return `${median(pairs).toFixed(1)}% (pairs ${pairs.map((p) => p.toFixed(1)).join(', ')})`;
    };
    record('rules cost, wall time, median of pairs', `${cost((r) => r.seconds)} (goal ≤ 10%)`);
    record(
      'rules cost, CPU time, median of pairs',
      cost((r) => r.cpuSeconds),
    );
    record('what the rules did (first run)', ruled);
    classifierCost(record);
  } finally {
    await corpus.close();
    dir.remove();
  }
}

/**
 * The classifier alone, in this process, in CPU time: each of the corpus's 20,000 articles
 * classified once, as a refresh does (rules compiled fresh, nothing warmed by a first pass).
 * Steadier than the refresh's wall time on a busy machine, and it shows what a body pattern
 * with no required word adds.
 */
function classifierCost(record: Record): void {
  const posts = loadSeedPostsFromFixtures();
  const items: PreparedItem[] = [];
  for (let f = 0; f < 1000; f++) {
    const feed = parseFeed({
      body: Buffer.from(feedXml(f, 20, posts)),
      url: 'https://bench.example/',
      contentType: 'application/rss+xml',
    });
    // With their text, as the parse worker makes it when rules read it (not the classifier's work).
    for (const item of feed.items) items.push(prepareItem(item, true));
  }
  const measure = (drafts: RuleDraft[]): number => {
    const set = compileEnabled(drafts.map((d, i) => ({ ...d, id: i + 1, position: i })));
    const view = set.view(() => ({ names: ['Feed'], tags: [] }));
    const started = process.cpuUsage();
    for (const item of items) {
      view.load(itemFacts(1, item));
      set.classify(view);
    }
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  const rules = benchRuleSet().rules;
  const weak: RuleDraft = {
    ...rules[rules.length - 1]!,
    conditions: [{ field: 'content', op: 'matches', value: WEAK_CONTENT_PATTERN }],
  };
  const base = measure(rules);
  const withWeak = measure([...rules, weak]);
  const perArticle = (ms: number): string => `${((ms * 1000) / items.length).toFixed(1)} µs an article`;
  record('classifier alone, 50 rules, 20,000 articles', `${base.toFixed(0)} ms CPU (${perArticle(base)})`);
  record(
    `  + a body pattern with no required word`,
    `${withWeak.toFixed(0)} ms CPU (${perArticle(withWeak)}; ${WEAK_CONTENT_PATTERN})`,
  );
}

/** That the rules ran: articles they starred, marked read or tagged. */
function whatTheRulesDid(path: string): string {
  const db = openDatabase(path, { migrate: false, readonly: true });
  try {
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return `${n('SELECT count(*) AS n FROM articles')} articles: ${n('SELECT count(*) AS n FROM articles WHERE starred = 1')} starred, ${n(
      'SELECT count(*) AS n FROM articles WHERE read = 1',
    )} read, ${n('SELECT count(DISTINCT article_id) AS n FROM article_tags')} tagged`;
  } finally {
    db.close();
  }
}
