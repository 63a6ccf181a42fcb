/**
 * Cheap two-sided estimates of ‖A‖₂ (O(rows·cols) each), used to settle a norm comparison without the
 * O(n³) one-sided Jacobi of spectralNorm.ts when the estimates already decide it. Each is padded by
 * `pad(rows, cols)` relative so that it also bounds the value spectralNorm would compute in float64.
 */

import { scaledNorm } from './spectralNorm.js';

const U64 = 2 ** -53;

/**
 * Relative padding that covers the float64 rounding of the sums below (at most rows·cols terms,
 * Higham's γ_k) and the relative error of the one-sided Jacobi value it stands in for (O((rows +
 * cols)·u) per sweep, ≤ 60 sweeps): 64·(rows·cols + 60·(rows + cols))·u.
 */
export function normPad(rows: number, cols: number): number {
  return 64 * (rows * cols + 60 * (rows + cols)) * U64;
}

/**
 * An upper bound on ‖A‖₂: min(‖A‖_F, √(‖A‖₁·‖A‖_∞)), both ≥ ‖A‖₂ (Higham, Table 6.2), padded up.
 * NaN when A holds a NaN.
 */
export function spectralNormUpper(A: ArrayLike<number>, rows: number, cols: number): number {
  let sq = 0;
  let maxRow = 0;
  const colSums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    let row = 0;
    for (let j = 0; j < cols; j++) {
      const a = A[i * cols + j];
      sq += a * a;
      row += Math.abs(a);
      colSums[j] += Math.abs(a);
    }
    maxRow = Math.max(maxRow, row);
  }
  let maxCol = 0;
  for (let j = 0; j < cols; j++) maxCol = Math.max(maxCol, colSums[j]);
  return Math.min(Math.sqrt(sq), Math.sqrt(maxRow * maxCol)) * (1 + normPad(rows, cols));
}

/**
 * A lower bound on ‖A‖₂: ‖A·v‖/‖v‖ after `iterations` steps of the power method on AᵀA, started from
 * the basis vector of A's largest column (so it is never below the largest column norm), padded down.
 */
export function spectralNormLower(A: ArrayLike<number>, rows: number, cols: number, iterations = 4): number {
  let v: Float64Array = new Float64Array(cols);
  let best = 0;
  let start = 0;
  for (let j = 0; j < cols; j++) {
    let s = 0;
    for (let i = 0; i < rows; i++) s += A[i * cols + j] ** 2;
    if (s > best) {
      best = s;
      start = j;
    }
  }
  if (best === 0) return 0;
  v[start] = 1;
  let estimate = 0;
  for (let k = 0; k <= iterations; k++) {
    const Av = times(A, v, rows, cols, false);
    estimate = Math.max(estimate, scaledNorm(Av) / scaledNorm(v));
    if (k === iterations) break;
    const next = times(A, Av, rows, cols, true);
    const scale = scaledNorm(next);
    if (scale === 0 || !Number.isFinite(scale)) break;
    for (let j = 0; j < cols; j++) next[j] /= scale;
    v = next;
  }
  return estimate * (1 - normPad(rows, cols));
}

/**
 * A·x (rows long) or, with `transposed`, Aᵀ·x (cols long), for a rows×cols row-major A. Every output
 * sums its terms in the order of the plain loops (row i = 0, 1, … for Aᵀ·x), four rows at a time for
 * Aᵀ·x so that each output is loaded and stored once per four rows: the same values, bit for bit.
 */
function times(A: ArrayLike<number>, x: ArrayLike<number>, rows: number, cols: number, transposed: boolean): Float64Array {
  const out = new Float64Array(transposed ? cols : rows);
  if (!transposed) {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let t = 0;
      for (let j = 0; j < cols; j++) t += A[o + j] * x[j];
      out[i] = t;
    }
    return out;
  }
  const tail = rows - (rows % 4);
  let i = 0;
  for (; i < tail; i += 4) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    const x0 = x[i];
    const x1 = x[i + 1];
    const x2 = x[i + 2];
    const x3 = x[i + 3];
    for (let j = 0; j < cols; j++) out[j] = out[j] + A[o0 + j] * x0 + A[o1 + j] * x1 + A[o2 + j] * x2 + A[o3 + j] * x3;
  }
  for (; i < rows; i++) {
    const o = i * cols;
    const xi = x[i];
    for (let j = 0; j < cols; j++) out[j] += A[o + j] * xi;
  }
  return out;
}
