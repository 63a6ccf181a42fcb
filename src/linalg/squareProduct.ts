/**
 * C = A·B for n×n row-major float64 matrices. Each entry is summed in the order l = 0, 1, …, n−1,
 * exactly as the plain triple loop does (so results are bitwise those of the plain loop, zeros of A
 * skipped alike). Two rows of C are computed together, four terms at a time, so that each entry of B
 * is loaded once for both rows and each entry of C once per four terms (the n³ chains of the
 * sequence-Jacobian bounds spend most of their time here).
 */
export function squareProduct(A: Float64Array, B: Float64Array, n: number): Float64Array {
  const C = new Float64Array(n * n);
  const tail = n - (n % 4);
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const ci = i * n;
    const cj = ci + n;
    let l = 0;
    for (; l < tail; l += 4) {
      const a0 = A[ci + l];
      const a1 = A[ci + l + 1];
      const a2 = A[ci + l + 2];
      const a3 = A[ci + l + 3];
      const d0 = A[cj + l];
      const d1 = A[cj + l + 1];
      const d2 = A[cj + l + 2];
      const d3 = A[cj + l + 3];
      if (a0 !== 0 && a1 !== 0 && a2 !== 0 && a3 !== 0 && d0 !== 0 && d1 !== 0 && d2 !== 0 && d3 !== 0) {
        const b0 = l * n;
        const b1 = b0 + n;
        const b2 = b1 + n;
        const b3 = b2 + n;
        for (let j = 0; j < n; j++) {
          const x0 = B[b0 + j];
          const x1 = B[b1 + j];
          const x2 = B[b2 + j];
          const x3 = B[b3 + j];
          C[ci + j] = C[ci + j] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
          C[cj + j] = C[cj + j] + d0 * x0 + d1 * x1 + d2 * x2 + d3 * x3;
        }
      } else {
        addFour(C, ci, A, B, l, n);
        addFour(C, cj, A, B, l, n);
      }
    }
    for (; l < n; l++) {
      addRow(C, ci, A[ci + l], B, l * n, n);
      addRow(C, cj, A[cj + l], B, l * n, n);
    }
  }
  if (i < n) {
    const ci = i * n;
    let l = 0;
    for (; l < tail; l += 4) addFour(C, ci, A, B, l, n);
    for (; l < n; l++) addRow(C, ci, A[ci + l], B, l * n, n);
  }
  return C;
}

/** Row ci/n of C gains the terms l … l+3 of its sums, in that order (row ci/n of A holds their a's). */
function addFour(C: Float64Array, ci: number, A: Float64Array, B: Float64Array, l: number, n: number): void {
  const a0 = A[ci + l];
  const a1 = A[ci + l + 1];
  const a2 = A[ci + l + 2];
  const a3 = A[ci + l + 3];
  if (a0 !== 0 && a1 !== 0 && a2 !== 0 && a3 !== 0) {
    const b0 = l * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let j = 0; j < n; j++) C[ci + j] = C[ci + j] + a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
  } else {
    for (let k = l; k < l + 4; k++) addRow(C, ci, A[ci + k], B, k * n, n);
  }
}

/** C[ci + j] += a·B[bi + j] for j < n; nothing when a = 0 (as the plain loop skips zeros: 0·∞ adds no NaN). */
function addRow(C: Float64Array, ci: number, a: number, B: Float64Array, bi: number, n: number): void {
  if (a === 0) return;
  for (let j = 0; j < n; j++) C[ci + j] += a * B[bi + j];
}

/** |A| entrywise, as a new array. */
export function absolute(A: Float64Array): Float64Array {
  const out = new Float64Array(A.length);
  for (let i = 0; i < A.length; i++) out[i] = Math.abs(A[i]);
  return out;
}
