/**
 * The patterns of all rules on one field, run together. RE2's engine walks the text once
 * for a whole set of patterns (RE2Set) in about the time it takes for one, and a body is
 * long: five patterns on content cost a fifth as much run as a set (npm run bench -- rules).
 * A pattern whose required words the article lacks is still answered without any run
 * (article-view.ts); the set runs only when some pattern of it needs the engine, once per
 * article, and its answer serves every pattern in it.
 */
import { RE2JS, RE2Set } from 're2js';
import type { FieldIndex } from './article-view.js';
import type { CompiledPattern } from './rule-pattern.js';

export interface PatternSlot {
  /** Which group, by its place in `sets`. */
  group: number;
  /** The pattern's number in the group's set. */
  index: number;
}

export class PatternGroups {
  private readonly slots = new Map<CompiledPattern, PatternSlot>();
  readonly sets: RE2Set[] = [];

  /** @param patterns every pattern condition on a field with one value per article */
  constructor(patterns: readonly { field: FieldIndex; pattern: CompiledPattern }[]) {
    const byField = new Map<FieldIndex, CompiledPattern[]>();
    for (const { field, pattern } of patterns) byField.set(field, [...(byField.get(field) ?? []), pattern]);
    for (const group of byField.values()) {
      if (group.length < 2) continue;
      const set = new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE);
      try {
        for (const pattern of group) set.add(pattern.engine.pattern());
        set.compile();
      } catch {
        // Too large together (RE2 caps a program's size): each runs on its own.
        continue;
      }
      const id = this.sets.length;
      this.sets.push(set);
      group.forEach((pattern, index) => this.slots.set(pattern, { group: id, index }));
    }
  }

  slotOf(pattern: CompiledPattern): PatternSlot | undefined {
    return this.slots.get(pattern);
  }
}
