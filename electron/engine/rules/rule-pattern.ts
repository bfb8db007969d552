/**
 * A rule's `matches` pattern. It runs against strangers' text on every refresh, so it runs
 * on re2js, an RE2 engine: time linear in the text, whatever the pattern ("(a+)+$" over
 * 100,000 a's returns at once). What RE2 cannot do in linear time (backreferences,
 * lookaround) it refuses, and so does the editor, saying why.
 *
 * The pattern is case-insensitive; accents count (a pattern says exactly what it means).
 * Besides the engine, each pattern carries the words any match must contain (from RE2's
 * own analysis of the pattern), so a body that lacks them is never handed to the engine:
 * most articles are settled by the classifier's cheap word search (article-view.ts).
 */
import { RE2JS } from 're2js';
import { runsOf } from './text-sieve.js';

/** A word looked for in folded text (rule-text.ts), with its runs for the sieve. */
export interface Probe {
  text: string;
  runs: Int32Array | null;
}

export function probeOf(folded: string): Probe {
  return { text: folded, runs: runsOf(folded) };
}

/** Words a match must contain: a word, all of some, or any of some. */
export type Requirement =
  { kind: 'word'; probe: Probe } | { kind: 'all'; parts: Requirement[] } | { kind: 'any'; parts: Requirement[] };

export interface CompiledPattern {
  engine: RE2JS;
  /** Null when the pattern requires no word (`\d+`), or none could be worked out. */
  requirement: Requirement | null;
}

/**
 * The node types of re2js's prefilter (RE2's "required strings" of a pattern). Read from
 * the library's compiled pattern, and checked, when the first pattern is compiled, on
 * patterns whose answer is known (see requirementsAnswer): if a later re2js changed them,
 * patterns simply run without it.
 */
const EXACT = 1;
const AND = 2;
const OR = 3;

/**
 * A word of the prefilter, usable against folded text: printable ASCII only. For those,
 * RE2's case-insensitive match and folding agree, except that RE2 also matches "ſ" (long
 * s) for "s": a text holding one is handed to the engine whatever (article-view.ts).
 */
function wordOf(str: unknown): Requirement | null {
  if (typeof str !== 'string' || !/^[\x20-\x7e]+$/.test(str)) return null;
  return { kind: 'word', probe: probeOf(str.toLowerCase()) };
}

function requirementOf(node: unknown, depth = 0): Requirement | null {
  if (!node || typeof node !== 'object' || depth > 50) return null;
  const { type, str, subs } = node as { type?: unknown; str?: unknown; subs?: unknown };
  if (type === EXACT) return wordOf(str);
  if (!Array.isArray(subs)) return null;
  const parts = subs.map((sub) => requirementOf(sub, depth + 1));
  if (type === AND) {
    // Every part is required: those that cannot be checked are left out.
    const known = parts.filter((p): p is Requirement => p !== null);
    return known.length === 0 ? null : known.length === 1 ? known[0]! : { kind: 'all', parts: known };
  }
  if (type === OR) {
    // One unknown alternative and nothing is required.
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    return { kind: 'any', parts: parts as Requirement[] };
  }
  return null;
}

/**
 * RE2 derives required strings only from case-sensitive literals, so they come from the
 * pattern compiled without CASE_INSENSITIVE: what a case-sensitive match must contain, a
 * case-insensitive one contains in some case.
 */
function requirementFor(pattern: string): Requirement | null {
  try {
    return requirementOf(RE2JS.compile(pattern).re2().prefilter);
  } catch {
    return null;
  }
}

function shape(r: Requirement | null): string {
  if (r === null) return '-';
  return r.kind === 'word' ? r.probe.text : `${r.kind}(${r.parts.map(shape).join(',')})`;
}

/**
 * Whether this re2js answers as expected; decided when the first pattern is compiled, not
 * when the module loads: the three probes decode re2js's case tables (8-11 ms of CPU), which
 * every command and every start of the app paid, rules or none.
 */
let requirementsWork: boolean | undefined;

function requirementsAnswer(): boolean {
  return (requirementsWork ??=
    shape(requirementFor('Foo|bar')) === 'any(foo,bar)' &&
    shape(requirementFor('abc.*xyz')) === 'all(abc,xyz)' &&
    shape(requirementFor('a|\\d')) === '-');
}

/** Why a pattern cannot run, in a sentence; the caller says which rule and condition. */
export class PatternError extends Error {}

/** Backreferences and lookaround: what only a backtracking engine can do. */
const NOT_LINEAR = /\\[1-9]|\(\?<?[=!]|\\[gk][<{'0-9]/;

export function compilePattern(pattern: string): CompiledPattern {
  let engine: RE2JS;
  try {
    engine = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    if (NOT_LINEAR.test(pattern))
      throw new PatternError(
        `the pattern "${pattern}" cannot run in linear time: backreferences (\\1) and lookaround ((?=…), (?!…), (?<=…)) are not supported, so a pattern can never stall a refresh (${reason})`,
      );
    throw new PatternError(`the pattern "${pattern}" is not valid: ${reason}`);
  }
  return { engine, requirement: requirementsAnswer() ? requirementFor(pattern) : null };
}
