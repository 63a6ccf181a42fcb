/**
 * A matrix of float64 values, each with a running error bound (RJS-TOL-2): `v` is the exact-input
 * value, `e[i]` bounds |computed − v| for any evaluation of the same formula with unit roundoff `u`,
 * to first order, whatever the order of its sums. Vectors are r×1.
 */
export interface Bounded {
  /** Rows. */ readonly rows: number;
  /** Columns. */ readonly cols: number;
  /** Values, row-major. */ readonly v: Float64Array;
  /** Error bounds, row-major, ≥ 0. */ readonly e: Float64Array;
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

/** An exactly known matrix (an input, exactly representable in the dtype): zero error. */
export function exact(rows: number, cols: number, v: ArrayLike<number>): Bounded {
  return { rows, cols, v: Float64Array.from(v), e: new Float64Array(rows * cols) };
}

/** γ_k = k·u/(1 − k·u): the bound on the relative error of a k-term dot product (Higham, Thm 3.1). */
export function gammaK(k: number, u: number): number {
  return (k * u) / (1 - k * u);
}

/** A·B with |A|·e_B + e_A·|B| + e_A·e_B + γ_k·|A|·|B| as error (any summation order). */
export function matmul(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.cols !== B.rows) throw new Error(`matmul: ${A.rows}x${A.cols} · ${B.rows}x${B.cols}`);
  const { rows, cols } = { rows: A.rows, cols: B.cols };
  const k = A.cols;
  const g = gammaK(k, p.u);
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
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
      e[i * cols + j] = err + g * abs + 2 * k * p.tiny;
    }
  }
  return { rows, cols, v, e };
}

/** Elementwise A + B; the rounding is charged on |a| + |b| so that any order of a longer sum is covered. */
export function add(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new Error('add: shape mismatch');
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  for (let i = 0; i < v.length; i++) {
    v[i] = A.v[i] + B.v[i];
    e[i] = A.e[i] + B.e[i] + p.u * (Math.abs(A.v[i]) + Math.abs(B.v[i])) + p.tiny;
  }
  return { rows: A.rows, cols: A.cols, v, e };
}

/** Elementwise product a ⊙ b of equal shapes (one rounding). */
export function hadamard(A: Bounded, B: Bounded, p: Precision): Bounded {
  if (A.rows !== B.rows || A.cols !== B.cols) throw new Error('hadamard: shape mismatch');
  const v = new Float64Array(A.v.length);
  const e = new Float64Array(A.v.length);
  for (let i = 0; i < v.length; i++) {
    const a = A.v[i];
    const b = B.v[i];
    v[i] = a * b;
    e[i] = Math.abs(a) * B.e[i] + A.e[i] * Math.abs(b) + A.e[i] * B.e[i] + p.u * Math.abs(a * b) + p.tiny;
  }
  return { rows: A.rows, cols: A.cols, v, e };
}

/** diag(d)·A: row i of A times d_i. */
export function scaleRows(d: Bounded, A: Bounded, p: Precision): Bounded {
  return hadamard(A, broadcast(d, A.rows, A.cols, true), p);
}

/** A·diag(d): column j of A times d_j. */
export function scaleCols(A: Bounded, d: Bounded, p: Precision): Bounded {
  return hadamard(A, broadcast(d, A.rows, A.cols, false), p);
}

function broadcast(d: Bounded, rows: number, cols: number, byRow: boolean): Bounded {
  const v = new Float64Array(rows * cols);
  const e = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = byRow ? i : j;
      v[i * cols + j] = d.v[s];
      e[i * cols + j] = d.e[s];
    }
  }
  return { rows, cols, v, e };
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
  return { rows: A.cols, cols: A.rows, v, e };
}

/** Rows [from, to) of A. */
export function sliceRows(A: Bounded, from: number, to: number): Bounded {
  return {
    rows: to - from,
    cols: A.cols,
    v: A.v.slice(from * A.cols, to * A.cols),
    e: A.e.slice(from * A.cols, to * A.cols),
  };
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
  return { rows, cols, v, e };
}

/** Charges the final rounding of a returned result to dtype: e += u·|v| + tiny (RJS-TOL-4). */
export function roundResult(A: Bounded, u: number, tiny: number): Bounded {
  const e = new Float64Array(A.e.length);
  for (let i = 0; i < e.length; i++) e[i] = A.e[i] + u * Math.abs(A.v[i]) + tiny;
  return { ...A, e };
}
