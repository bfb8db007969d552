/**
 * One article as the conditions see it, field by field, each worked out once and only when
 * a condition asks: the title folded once for all its conditions, the body folded (and
 * sieved, text-sieve.ts) only if some condition reads it. One view is reused for every
 * article of a run, so classifying allocates little.
 */
import { assertNever } from '../../../shared/assert.js';
import type { RuleField } from '../../../shared/rules.js';
import type { ArticleFacts, FeedFacts } from './article-facts.js';
import type { PatternGroups } from './pattern-groups.js';
import type { CompiledPattern, Probe, Requirement } from './rule-pattern.js';
import { foldText, hostOf } from './rule-text.js';
import { TextSieve } from './text-sieve.js';

/** Fields by number, for the per-article slots. */
export const FIELD = {
  title: 0,
  content: 1,
  author: 2,
  link: 3,
  domain: 4,
  feed: 5,
  tag: 6,
  enclosure: 7,
} as const satisfies Record<RuleField, number>;
export type FieldIndex = (typeof FIELD)[RuleField];
const FIELD_COUNT = 8;

/** Fields with one value per article (a missing one is ''); the others are lists. */
export function isScalar(field: FieldIndex): boolean {
  return field <= FIELD.domain;
}

/** Shorter texts are searched directly: marking their runs costs more than it saves. */
const SIEVE_MIN_LENGTH = 256;

export class ArticleView {
  private facts: ArticleFacts | null = null;
  private feed: FeedFacts | null = null;
  private readonly raw: (readonly string[] | null)[] = new Array<null>(FIELD_COUNT).fill(null);
  private readonly folded: (readonly string[] | null)[] = new Array<null>(FIELD_COUNT).fill(null);
  /** Per field, 1 when its sieve holds this article's text, 0 when not yet, -1 when unused. */
  private readonly sieved = new Int8Array(FIELD_COUNT);
  private readonly sieves: (TextSieve | null)[] = new Array<null>(FIELD_COUNT).fill(null);
  /** Per field, 1 when its text holds a long s (ſ, see mayMeet), -1 when not, 0 when not looked at. */
  private readonly longS = new Int8Array(FIELD_COUNT);
  /** A feed's names and tags, folded, by the list they were folded from. */
  private readonly foldedLists = new WeakMap<readonly string[], readonly string[]>();
  /** Per pattern group, the numbers of its patterns that match this article (null: not run yet). */
  private readonly groupMatches: (readonly number[] | null)[];

  /**
   * @param feedFacts the feed's name, address and tags (read once per feed by the caller)
   * @param sieveFields fields with enough words to look for that sieving pays (rule-set.ts)
   * @param groups patterns that run together, a set per field (pattern-groups.ts)
   */
  constructor(
    private readonly feedFacts: (feedId: number) => FeedFacts,
    sieveFields: readonly FieldIndex[] = [],
    private readonly groups: PatternGroups | null = null,
  ) {
    for (const field of sieveFields) this.sieves[field] = new TextSieve();
    this.groupMatches = new Array<null>(groups?.sets.length ?? 0).fill(null);
  }

  /** Starts on another article, forgetting what was worked out for the previous one. */
  load(facts: ArticleFacts): void {
    this.facts = facts;
    this.feed = null;
    this.raw.fill(null);
    this.folded.fill(null);
    this.sieved.fill(0);
    this.longS.fill(0);
    this.groupMatches.fill(null);
  }

  private feedOf(): FeedFacts {
    return (this.feed ??= this.feedFacts(this.facts!.feedId));
  }

  /** The field's values as they are (a pattern runs on these). */
  values(field: FieldIndex): readonly string[] {
    let values = this.raw[field];
    if (values) return values;
    const facts = this.facts!;
    switch (field) {
      case FIELD.title:
        values = [facts.title ?? ''];
        break;
      case FIELD.content:
        values = [facts.text()];
        break;
      case FIELD.author:
        values = [facts.author ?? ''];
        break;
      case FIELD.link:
        values = [facts.link ?? ''];
        break;
      case FIELD.domain:
        values = [hostOf(facts.link)];
        break;
      case FIELD.feed:
        values = this.feedOf().names;
        break;
      case FIELD.tag:
        values = this.feedOf().tags;
        break;
      case FIELD.enclosure:
        values = facts.enclosureTypes();
        break;
      default:
        assertNever(field, 'rule field');
    }
    this.raw[field] = values;
    return values;
  }

  /** The field's values folded (contains, is). A feed's names and tags are folded once per feed. */
  foldedValues(field: FieldIndex): readonly string[] {
    let folded = this.folded[field];
    if (folded) return folded;
    const values = this.values(field);
    const perFeed = field === FIELD.feed || field === FIELD.tag;
    folded = (perFeed && this.foldedLists.get(values)) || values.map(foldText);
    if (perFeed) this.foldedLists.set(values, folded);
    return (this.folded[field] = folded);
  }

  /** Whether some value of the field contains the (folded) word. */
  contains(field: FieldIndex, probe: Probe): boolean {
    const values = this.foldedValues(field);
    if (values.length === 1) {
      const text = values[0]!;
      if (probe.runs && this.sieveHolds(field, text) && !this.sieves[field]!.mayHold(probe.runs)) return false;
      return text.includes(probe.text);
    }
    for (const value of values) if (value.includes(probe.text)) return true;
    return false;
  }

  private sieveHolds(field: FieldIndex, text: string): boolean {
    const state = this.sieved[field]!;
    if (state !== 0) return state === 1;
    const sieve = this.sieves[field] ?? null;
    const use = sieve !== null && text.length >= SIEVE_MIN_LENGTH;
    if (use) sieve.load(text);
    this.sieved[field] = use ? 1 : -1;
    return use;
  }

  /**
   * False when the field certainly lacks what a pattern's every match contains, so the
   * pattern need not run. Lists (feed names, tags, types) are short: always run there.
   */
  mayMeet(field: FieldIndex, requirement: Requirement): boolean {
    if (!isScalar(field)) return true;
    // RE2 matches "ſ" for "s", which folding keeps as it is: such a text goes to the engine.
    if (this.longS[field] === 0) this.longS[field] = this.values(field)[0]!.includes('ſ') ? 1 : -1;
    if (this.longS[field] === 1) return true;
    return this.meets(field, requirement);
  }

  /** Whether the pattern matches some value of the field (with its group's, in one run). */
  matches(field: FieldIndex, pattern: CompiledPattern): boolean {
    const values = this.values(field);
    const slot = this.groups?.slotOf(pattern);
    if (!slot) {
      for (const value of values) if (pattern.engine.test(value)) return true;
      return false;
    }
    let matched = this.groupMatches[slot.group];
    if (!matched) this.groupMatches[slot.group] = matched = this.groups!.sets[slot.group]!.match(values[0]!);
    return matched.includes(slot.index);
  }

  private meets(field: FieldIndex, requirement: Requirement): boolean {
    switch (requirement.kind) {
      case 'word':
        return this.contains(field, requirement.probe);
      case 'all':
        return requirement.parts.every((part) => this.meets(field, part));
      case 'any':
        return requirement.parts.some((part) => this.meets(field, part));
      default:
        return assertNever(requirement, 'requirement');
    }
  }
}
