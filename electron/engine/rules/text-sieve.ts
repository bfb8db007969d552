const BITS = 1 << 16;
function hash(a: number, b: number, c: number): number {
  return Math.imul((a << 16) ^ (b << 8) ^ c, 0x9e3779b1) >>> 16;
}
export function runsOf(word: string): Int32Array | null {
  if (word.length < 3) return null;
  const runs = new Set<number>();
  for (let i = 2; i < word.length; i++)
    runs.add(hash(word.charCodeAt(i - 2), word.charCodeAt(i - 1), word.charCodeAt(i)));
  return Int32Array.from(runs);
}
export class TextSieve {
  private readonly bits = new Uint32Array(BITS / 32);
  load(text: string): void {
    const bits = this.bits;
    bits.fill(0);
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (i >= 2) {
        const h = hash(a, b, c);
        bits[h >>> 5] = bits[h >>> 5]! | (1 << (h & 31));
      }
      a = b;
      b = c;
    }
  }
  mayHold(runs: Int32Array): boolean {
    const bits = this.bits;
    for (let i = 0; i < runs.length; i++) {
      const h = runs[i]!;
      if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }
}
