/**
 * Feeds shared by the variants: a case's weights, inputs and the identity cotangent, as named
 * float64 arrays with their shapes.
 */
import type { SequenceCase, StepCase } from '../../src/contract.js';
import type { Feeds } from './sessions.js';

/** W, U and b of a case. */
export function weightFeeds(c: StepCase | SequenceCase): Feeds {
  return { W: { data: c.W, dims: [c.n, c.n] }, U: { data: c.U, dims: [c.n, c.m] }, b: { data: c.b, dims: [c.n] } };
}

/** `rows` copies of a vector, as a rows×length matrix. */
export function tiledRows(v: ArrayLike<number>, rows: number): Float64Array {
  const out = new Float64Array(rows * v.length);
  for (let r = 0; r < rows; r++) out.set(Array.from(v), r * v.length);
  return out;
}

/** The n×n identity: the batch of cotangents whose VJPs are the rows of a Jacobian. */
export function identity(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

/** u_1 … u_T of a sequence as separate 1×m feeds `u0 … u{T−1}`. */
export function inputFeeds(c: SequenceCase): Feeds {
  const feeds: Feeds = {};
  for (let t = 0; t < c.T; t++) feeds[`u${t}`] = { data: c.us.subarray(t * c.m, (t + 1) * c.m), dims: [1, c.m] };
  return feeds;
}
