import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The random source of case `index` of a run with `seed` (RJS-GEN-9): every case has its own,
 * derived from both by a 32-bit mix (murmur3's finalizer), so that cases can be generated ahead of
 * the verdicts of earlier ones, and one case replays without generating the cases before it.
 */
export function caseRandom(seed: number, index: number): fc.Random {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return new fc.Random(xoroshiro128plus(h | 0));
}
