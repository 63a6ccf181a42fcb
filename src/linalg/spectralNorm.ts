/**
 * ‖A‖₂, the largest singular value of an r×c row-major matrix, by one-sided Jacobi (Hestenes):
 * column pairs are rotated until orthogonal; the largest column norm is then σ_max, with a relative
 * error of a few units of float64 roundoff (Demmel & Veselić 1992).
 */
export function spectralNorm(A: ArrayLike<number>, rows: number, cols: number): number {
  const G = Array.from({ length: cols }, (_, j) => Float64Array.from({ length: rows }, (_, i) => A[i * cols + j]));
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const gp = G[p];
        const gq = G[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < rows; i++) {
          alpha += gp[i] * gp[i];
          beta += gq[i] * gq[i];
          gamma += gp[i] * gq[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < rows; i++) {
          const a = gp[i];
          const b = gq[i];
          gp[i] = cs * a - sn * b;
          gq[i] = sn * a + cs * b;
        }
      }
    }
    if (!rotated) break;
  }
  let max = 0;
  for (const g of G) max = Math.max(max, Math.hypot(...g));
  return max;
}

/** ‖a‖₂ of the entries, scaled by the largest magnitude so that squares neither overflow nor underflow. */
export function scaledNorm(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] / m) ** 2;
  return m * Math.sqrt(s);
}

/** Frobenius norm of any array of numbers. */
export function frobenius(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
