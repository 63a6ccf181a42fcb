import { add, exact, hadamard, matmul, sliceRows, sumAll, transpose, type Bounded, type Precision } from '../bound/bounded.js';
import type { LossCase } from '../contract.js';
import { trajectory } from './trajectory.js';

/** Gradients of L = Σ_t ⟨c_t, x_t⟩, each with its bound. */
export interface ExpectedGradients {
  /** ∂L/∂W, n×n. */ readonly W: Bounded;
  /** ∂L/∂U, n×m. */ readonly U: Bounded;
  /** ∂L/∂b, n×1. */ readonly b: Bounded;
  /** ∂L/∂x_0, n×1. */ readonly x0: Bounded;
}

/** Ways to get BPTT wrong, for the diagnosis (the spec's BPTT uses neither). */
export interface BpttMistakes {
  /** Carry the gradient back with J instead of Jᵀ. */ readonly forwardJacobian?: boolean;
  /** Stop after the last step (no backpropagation through time). */ readonly lastStepOnly?: boolean;
}

/**
 * Backpropagation through time (RJS-GRAD). `g` is ∂L/∂x_t; the step's linear part W·s + U·f + b is
 * fed by `lin` = σ'(a_t) ⊙ g (elman) or g (pascanu forms); Jᵀ carries g to x_{t−1}.
 */
export function bptt(c: Omit<LossCase, 'variant'>, p: Precision, mistakes: BpttMistakes = {}): ExpectedGradients {
  const tr = trajectory(c, p, true);
  const { n, m, T } = c;
  const cs = exact(T, n, c.cs);
  const zero = (r: number, k: number): Bounded => exact(r, k, new Float64Array(r * k));
  const dW: Bounded[] = [zero(n, n)];
  const dU: Bounded[] = [zero(n, m)];
  const db: Bounded[] = [zero(n, 1)];
  let g = zero(n, 1);
  const first = mistakes.lastStepOnly === true ? T : 1;
  for (let t = T; t >= first; t--) {
    const s = tr.steps[t - 1];
    g = add(g, { ...sliceRows(cs, t - 1, t), rows: n, cols: 1 }, p);
    const lin = c.form === 'elman' ? hadamard(s.slope, g, p) : g;
    dW.push(matmul(lin, transpose(s.signal), p));
    dU.push(matmul(lin, transpose(s.feature), p));
    db.push(lin);
    g = matmul(mistakes.forwardJacobian === true ? s.J : transpose(s.J), g, p);
  }
  // The sums over time may be taken in any order: sumAll charges γ_{T}·Σ|terms|.
  return { W: sumAll(dW, p), U: sumAll(dU, p), b: sumAll(db, p), x0: g };
}
