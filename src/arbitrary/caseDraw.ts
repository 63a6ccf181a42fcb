/**
 * A case as drawn, before it is put in the shape the adapter gets: every kind of case (step,
 * adjoint, sequence, loss) is the same structure, so that one shrinker takes leading blocks, prefixes
 * and simpler entries of all of them (RJS-GEN-8). For elman step cases the drawn quantity is the
 * pre-activation target a_t, and the bias is solved for whenever the case is materialized, so that a
 * smaller case keeps its a_t (RJS-GEN-4).
 * @packageDocumentation
 */
import type { ActivationRef, Dtype, Form } from '../contract.js';
import { toDtype } from './entry.js';

/** What kind of case a draw becomes. */
export type DrawKind = 'step' | 'adjoint' | 'sequence' | 'loss';

/** A drawn case. Arrays are row-major; T is 1 for one-step kinds. */
export interface CaseDraw {
  readonly kind: DrawKind;
  readonly n: number;
  readonly m: number;
  readonly T: number;
  readonly form: Form;
  readonly activation: ActivationRef;
  readonly dtype: Dtype;
  /** n×n. */ readonly W: Float64Array;
  /** n×m. */ readonly U: Float64Array;
  /** n: the bias (unused for elman step cases, whose bias is solved for). */ readonly b: Float64Array;
  /** n: x_{t−1} (elman: h_{t−1}) of a step case, x_0 of a sequence. */ readonly x: Float64Array;
  /** n: the elman step case's target a_t; empty otherwise. */ readonly a: Float64Array;
  /** T×m: u_t of a step case (T = 1), u_1 … u_T of a sequence. */ readonly u: Float64Array;
  /** T×n: loss weights c_t (loss cases); empty otherwise. */ readonly cs: Float64Array;
  /** n: cotangent v and tangent w (adjoint cases); empty otherwise. */ readonly v: Float64Array;
  readonly w: Float64Array;
  /** Which hidden units of the drawn case these are, once shrinking renumbered them (default 0 … n−1). */ readonly units?: readonly number[];
}

/** The drawn unit each hidden unit of the draw is. */
export function unitsOf(d: CaseDraw): readonly number[] {
  return d.units ?? Array.from({ length: d.n }, (_, i) => i);
}

/** Which draw fields are laid out how: the shrinker cuts them to a leading block by this table. */
export const DRAW_LAYOUT = {
  W: 'n×n',
  U: 'n×m',
  b: 'n',
  x: 'n',
  a: 'n',
  u: 'T×m',
  cs: 'T×n',
  v: 'n',
  w: 'n',
} as const satisfies Record<'W' | 'U' | 'b' | 'x' | 'a' | 'u' | 'cs' | 'v' | 'w', string>;
/** An array field of a draw. */
export type DrawField = keyof typeof DRAW_LAYOUT;

/** Whether the draw is an elman step case (b solved from the target a). */
export function solvesBias(d: CaseDraw): boolean {
  return d.a.length > 0;
}

/** b = round_dtype(a − W·h − U·u) (RJS-GEN-4), so that W·h + U·u + b lands within rounding of a. */
export function solveBias(d: CaseDraw): Float64Array {
  const { n, m } = d;
  return Float64Array.from(d.a, (ai, i) => {
    let s = ai;
    for (let k = 0; k < n; k++) s -= d.W[i * n + k] * d.x[k];
    for (let k = 0; k < m; k++) s -= d.U[i * m + k] * d.u[k];
    return toDtype(s, d.dtype);
  });
}

/** The case the adapter gets (without its variant), with fields in contract order. */
export function materialize(d: CaseDraw): Record<string, unknown> {
  const head = { n: d.n, m: d.m };
  const tail = { form: d.form, activation: d.activation, dtype: d.dtype };
  switch (d.kind) {
    case 'step':
      return { ...head, ...tail, W: d.W, U: d.U, u: d.u, x: d.x, b: solvesBias(d) ? solveBias(d) : d.b };
    case 'adjoint':
      return { ...head, ...tail, W: d.W, U: d.U, u: d.u, x: d.x, b: solvesBias(d) ? solveBias(d) : d.b, v: d.v, w: d.w };
    case 'sequence':
      return { ...head, T: d.T, ...tail, W: d.W, U: d.U, b: d.b, x0: d.x, us: d.u };
    case 'loss':
      return { ...head, T: d.T, ...tail, W: d.W, U: d.U, b: d.b, x0: d.x, us: d.u, cs: d.cs };
  }
}

/**
 * The draw on the hidden units `units` (in that order): the principal submatrix of W, those rows of U
 * and entries of b, x, a, v, w, those columns of c_t. Renumbering hidden units changes no
 * Jacobian's entries, only where they stand, so a failure on units i and j survives on [i, j].
 */
export function pick(d: CaseDraw, units: readonly number[]): CaseDraw {
  const k = units.length;
  const sub = (A: Float64Array): Float64Array => (A.length === 0 ? A : Float64Array.from(units, (i) => A[i]));
  const W = new Float64Array(k * k);
  const U = new Float64Array(k * d.m);
  const cs = new Float64Array(d.cs.length === 0 ? 0 : d.T * k);
  units.forEach((i, r) => {
    for (const [c, j] of units.entries()) W[r * k + c] = d.W[i * d.n + j];
    for (let c = 0; c < d.m; c++) U[r * d.m + c] = d.U[i * d.m + c];
    for (let t = 0; t < (cs.length === 0 ? 0 : d.T); t++) cs[t * k + r] = d.cs[t * d.n + i];
  });
  const from = unitsOf(d);
  return { ...d, n: k, W, U, cs, b: sub(d.b), x: sub(d.x), a: sub(d.a), v: sub(d.v), w: sub(d.w), units: units.map((i) => from[i]) };
}

/** The draw cut to n' ≤ n, m' ≤ m, T' ≤ T: leading blocks of every array, prefixes in time. */
export function cut(d: CaseDraw, n: number, m: number, T: number): CaseDraw {
  const block = (A: Float64Array, cols: number, r: number, c: number): Float64Array => {
    if (A.length === 0) return A;
    const out = new Float64Array(r * c);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[i * c + j] = A[i * cols + j];
    return out;
  };
  return {
    ...d,
    n,
    m,
    T,
    units: unitsOf(d).slice(0, n),
    W: block(d.W, d.n, n, n),
    U: block(d.U, d.m, n, m),
    b: d.b.slice(0, n),
    x: d.x.slice(0, n),
    a: d.a.slice(0, n),
    v: d.v.slice(0, n),
    w: d.w.slice(0, n),
    u: block(d.u, d.m, T, m),
    cs: block(d.cs, d.n, T, n),
  };
}
