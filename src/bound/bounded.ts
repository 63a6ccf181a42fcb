import { scaledNorm } from '../linalg/spectralNorm.js';

/**
 * A matrix of float64 values, each with a running error bound (RJS-TOL-2): `v` is the exact-input
 * value, and every evaluation of the same formula with unit roundoff `u`, in any order of its sums,
 * differs from it by at most `e[i]` in entry i and by at most `f` in Frobenius norm (to first order).
 * Both bounds are carried because each is loose where the other is tight: entrywise bounds follow
 * cancellation-free elementwise work exactly but grow like |A_T|⋯|A_1| along a product chain, while
 * the normwise bound grows like ‖A_T‖₂⋯‖A_1‖₂ (RJS-TOL-6). Every op keeps e ≤ f entrywise.
 * Vectors are r×1.
 */
export interface Bounded {
  /** Rows. */ readonly rows: number;
  /** Columns. */ readonly cols: number;
  /** Values, row-major. */ readonly v: Float64Array;
  /** Entrywise error bounds, row-major, ≥ 0. */ readonly e: Float64Array;
  /** Upper bound on ‖v‖₂ (the spectral norm of the exact value; Euclidean for a vector). */ readonly s: number;
  /** Bound on the Frobenius norm of the error. */ readonly f: number;
}

/** The precision a bound is computed for: unit roundoff `u` and the elementwise budget `K` ulps. */
export interface Precision {
  /** Unit roundoff. */ readonly u: number;
  /** Ulps allowed for an elementwise function (σ, σ'), RJS-TOL-3. */ readonly K: number;
  /**
   * Absolute error one operation may add by underflow: the smallest normal number of the dtype, which
   * also covers flush-to-zero of subnormals (RJS-TOL-5).
   */
  readonly tiny: number;
}

/** Frobenius norm of an array (scaled: no overflow or underflow of the squares). */
export const frob = scaledNorm;

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/**
 * Builds a Bounded from entrywise bounds and a normwise candidate: f is the smaller of the candidate
 * and ‖e‖_F, then every e[i] is capped by f (both are valid bounds of the same error).
 */
export function bounded(rows: number, cols: number, v: Float64Array, e: Float64Array, fCandidate: number, s = frob(v)): Bounded {
  const f = Math.min(fCandidate, frob(e));
  for (let i = 0; i < e.length; i++) if (e[i] > f) e[i] = f;
  return { rows, cols, v, e, s: Math.min(s, frob(v)), f };
}

/**
 * An exactly known matrix (an input, exactly representable in the dtype): zero error. `norm2`, when
 * known, is an upper bound on its spectral norm (otherwise the Frobenius norm is used).
 */
export function exact(rows: number, cols: number, v: ArrayLike<number>, norm2?: number): Bounded {
  const val = Float64Array.from(v);
  return { rows, cols, v: val, e: new Float64Array(rows * cols), s: Math.min(norm2 ?? Infinity, frob(val)), f: 0 };
}

/** γ_k = k·u/(1 − k·u): the bound on the relative error of a k-term dot product (Higham, Thm 3.1). */
export function gammaK(k: number, u: number): number {
  return (k * u) / (1 - k * u);
}

/**
 * A·B. Entrywise: |A|·e_B + e_A·|B| + e_A·e_B + γ_k·|A|·|B|. Normwise:
 * ‖A‖₂·f_B + f_A·‖B‖₂ + f_A·f_B + γ_k·‖|A|·|B|‖_F. Underflow adds 2k·tiny per entry.
 */
export function matmul(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.cols !== B.rows) throw new Error(`matmul: ${A.rows}x${A.cols} · ${B.rows}x${B.cols}`);
  const rows = A.rows;
  const cols = B.cols;
  const k = A.cols;
  const g = gammaK(k, p.u);
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
  const absProd = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let s = 0;
      let abs = 0;
      let err = 0;
      for (let l = 0; l < k; l++) {
        const a = A.v[i * k + l];
        const b = B.v[l * cols + j];
        const ea = A.e[i * k + l];
        const eb = B.e[l * cols + j];
        s += a * b;
        abs += Math.abs(a * b);
        err += Math.abs(a) * eb + ea * Math.abs(b) + ea * eb;
      }
      v[i * cols + j] = s;
      absProd[i * cols + j] = abs;
      e[i * cols + j] = err + g * abs + 2 * k * p.tiny;
    }
  }
  const under = 2 * k * p.tiny * Math.sqrt(rows * cols);
  const f = A.s * B.f + A.f * B.s + A.f * B.f + g * frob(absProd) + under;
  return bounded(rows, cols, v, e, f, A.s * B.s);
}

/** Elementwise A + B; the rounding is charged on |a| + |b| so that any order of a longer sum is covered. */
export function add(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new Error('add: shape mismatch');
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  const r = new Float64Array(A.v.length);
  for (let i = 0; i < v.length; i++) {
    v[i] = A.v[i] + B.v[i];
    r[i] = p.u * (Math.abs(A.v[i]) + Math.abs(B.v[i])) + p.tiny;
    e[i] = A.e[i] + B.e[i] + r[i];
  }
  return bounded(A.rows, A.cols, v, e, A.f + B.f + frob(r), A.s + B.s);
}

/** Elementwise product a ⊙ b of equal shapes (one rounding). */
export function hadamard(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new Error('hadamard: shape mismatch');
  return product(A, B, 'entry', p);
}

/**
 * A ⊙ B where entry (i, j) of B is B's entry (i, j) (`entry`), or B's i-th (`row`) or j-th (`col`)
 * entry: a vector broadcast along rows or columns, without building the broadcast matrix.
 */
function product(A: Bounded, B: Bounded, along: 'entry' | 'row' | 'col', p: Precision): Bounded {
  const { rows, cols } = A;
  const n = rows * cols;
  const v = new Float64Array(n);
  const e = new Float64Array(n);
  const r = new Float64Array(n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const at = i * cols + j;
      const k = along === 'entry' ? at : along === 'row' ? i : j;
      const a = A.v[at];
      const b = B.v[k];
      const eb = B.e[k];
      v[at] = a * b;
      r[at] = Math.abs(a) * eb + p.u * Math.abs(a * b) + p.tiny;
      e[at] = r[at] + A.e[at] * Math.abs(b) + A.e[at] * eb;
    }
  }
  // ‖E_A ⊙ B‖_F ≤ f_A·max|B|, and likewise for the cross term; a broadcast vector's max|·| are the
  // matrix's when A is not empty.
  const maxB = n === 0 ? 0 : maxAbs(B.v) + maxAbs(B.e);
  return bounded(rows, cols, v, e, A.f * maxB + frob(r));
}

/** diag(d)·A: row i of A times d_i; ‖diag(d)·A‖₂ ≤ max|d|·‖A‖₂. */
export function scaleRows(d: Bounded, A: Bounded, p: Precision): Bounded {
  const h = product(A, d, 'row', p);
  return { ...h, s: Math.min(h.s, maxAbs(d.v) * A.s) };
}

/** A·diag(d): column j of A times d_j; ‖A·diag(d)‖₂ ≤ ‖A‖₂·max|d|. */
export function scaleCols(A: Bounded, d: Bounded, p: Precision): Bounded {
  const h = product(A, d, 'col', p);
  return { ...h, s: Math.min(h.s, maxAbs(d.v) * A.s) };
}

/** Aᵀ (values and bounds move together). */
export function transpose(A: Bounded): Bounded {
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < A.cols; j++) {
      v[j * A.rows + i] = A.v[i * A.cols + j];
      e[j * A.rows + i] = A.e[i * A.cols + j];
    }
  }
  return { rows: A.cols, cols: A.rows, v, e, s: A.s, f: A.f };
}

/** [A | B | …]: matrices with the same rows side by side; ‖[A|B]‖₂ ≤ √(‖A‖₂² + ‖B‖₂²). */
export function hstack(parts: readonly Bounded[]): Bounded {
  const rows = parts[0].rows;
  const cols = parts.reduce((c, q) => c + q.cols, 0);
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
  let at = 0;
  for (const q of parts) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < q.cols; j++) {
        v[i * cols + at + j] = q.v[i * q.cols + j];
        e[i * cols + at + j] = q.e[i * q.cols + j];
      }
    }
    at += q.cols;
  }
  return bounded(rows, cols, v, e, Math.hypot(...parts.map((q) => q.f)), Math.hypot(...parts.map((q) => q.s)));
}

/**
 * Σ of equally shaped terms in any order: each term's error plus γ_{k−1}·Σ|terms| for the k − 1
 * additions, whichever order an implementation uses.
 */
export function sumAll(terms: readonly Bounded[], p: Precision): Bounded {
  const { rows, cols } = terms[0];
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
  const mass = new Float64Array(rows * cols);
  for (const q of terms) {
    for (let i = 0; i < v.length; i++) {
      v[i] += q.v[i];
      e[i] += q.e[i];
      mass[i] += Math.abs(q.v[i]);
    }
  }
  const g = gammaK(Math.max(terms.length - 1, 0), p.u);
  const r = mass.map((m) => g * m + (terms.length - 1) * p.tiny);
  for (let i = 0; i < e.length; i++) e[i] += r[i];
  return bounded(
    rows,
    cols,
    v,
    e,
    terms.reduce((f, q) => f + q.f, 0) + frob(r),
    terms.reduce((t, q) => t + q.s, 0),
  );
}

/** Rows [from, to) of A. */
export function sliceRows(A: Bounded, from: number, to: number): Bounded {
  const v = A.v.slice(from * A.cols, to * A.cols);
  const e = A.e.slice(from * A.cols, to * A.cols);
  return bounded(to - from, A.cols, v, e, A.f, A.s);
}

/** Stacks equally wide matrices on top of each other. */
export function stackRows(parts: readonly Bounded[]): Bounded {
  const cols = parts[0]?.cols ?? 0;
  const rows = parts.reduce((s, q) => s + q.rows, 0);
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
  let at = 0;
  for (const q of parts) {
    v.set(q.v, at);
    e.set(q.e, at);
    at += q.v.length;
  }
  return bounded(rows, cols, v, e, Math.hypot(...parts.map((q) => q.f)));
}

/** Charges the final rounding of a returned result to dtype: e += u·|v| + tiny (RJS-TOL-4). */
export function roundResult(A: Bounded, u: number, tiny: number): Bounded {
  const e = new Float64Array(A.e.length);
  for (let i = 0; i < e.length; i++) e[i] = A.e[i] + u * Math.abs(A.v[i]) + tiny;
  return bounded(A.rows, A.cols, A.v, e, A.f + u * frob(A.v) + tiny * Math.sqrt(A.v.length), A.s);
}
