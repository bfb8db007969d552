/**
 * A quick "certainly not there" for many words against one text. A body is looked at by
 * every `contains` condition on content (a user with 20 of them is not unusual): one pass
 * over the text marks which three-character runs occur (hashed into a bit table), and a
 * word is searched for only when all its runs are marked. On the bench corpus that is a
 * third of the cost of searching for each word (docs/performance.md, "Rules").
 *
 * A miss is exact (a word one of whose runs is unmarked is not in the text); a hit may be
 * false, so it is always confirmed by a real search. The table is sized to the text, about
 * eight bits a character (a tenth of them set: a word of six runs passes falsely once in a
 * million), so a short title clears a few bytes, not the 8 KB a long article needs.
 */

const MAX_BITS = 1 << 16;
const MIN_BITS = 1 << 9;

function hash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> 16;
}

/** The hashed runs of a word; null when it is too short to have any (search it directly). */
export function runsOf(word: string): Int32Array | null {
  if (word.length < 3) return null;
  const runs = new Set<number>();
  for (let i = 2; i < word.length; i++)
    runs.add(hash(word.charCodeAt(i - 2), word.charCodeAt(i - 1), word.charCodeAt(i)));
  return Int32Array.from(runs);
}

export class TextSieve {
  private readonly bits = new Uint32Array(MAX_BITS / 32);
  /** Bits in use for the loaded text, less one (hashes are masked with it). */
  private mask = MAX_BITS - 1;

  /** Marks the runs of a text, forgetting the previous one. */
  load(text: string): void {
    let size = MIN_BITS;
    while (size < text.length * 8 && size < MAX_BITS) size *= 2;
    const mask = (this.mask = size - 1);
    const bits = this.bits;
    bits.fill(0, 0, size >>> 5);
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (i >= 2) {
        const h = hash(a, b, c) & mask;
        bits[h >>> 5] = bits[h >>> 5]! | (1 << (h & 31));
      }
      a = b;
      b = c;
    }
  }

  /** False when the loaded text certainly lacks a word with these runs. */
  mayHold(runs: Int32Array): boolean {
    const bits = this.bits;
    const mask = this.mask;
    for (let i = 0; i < runs.length; i++) {
      const h = runs[i]! & mask;
      if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }
}
