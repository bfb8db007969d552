/**
 * A small deterministic generator of numbers in [0, 1), so a test that draws random cases
 * or timings can be replayed from its seed when it fails.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
