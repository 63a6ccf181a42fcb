import type { Bounded } from '../bound/bounded.js';

/** −A, with the same bounds. */
export function negated(A: Bounded): Bounded {
  return { ...A, v: A.v.map((x) => -x) };
}
