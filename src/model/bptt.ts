import { add, exact, hadamard, matmul, sliceRows, sumAll, transpose, type Bounded, type Precision } from '../bound/bounded.js';
import type { LossCase } from '../contract.js';
import { trajectory, type Trajectory } from './trajectory.js';

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
  /** Carry the gradient from step t back with J_{t−1}ᵀ instead of J_tᵀ (the tape read one step early). */ readonly tapeOneStepEarly?: boolean;
  /** Leave step t's term (1-based) out of the sums over time of ∂L/∂W, ∂L/∂U and ∂L/∂b. */ readonly dropTerm?: number;
  /** Return ∂L/∂x_1 as ∂L/∂x_0 (the last Jᵀ product skipped). */ readonly x0IsDelta1?: boolean;
}

/**
 * Backpropagation through time (RJS-GRAD). `g` is ∂L/∂x_t; the step's linear part W·s + U·f + b is
 * fed by `lin` = σ'(a_t) ⊙ g (elman) or g (pascanu forms); Jᵀ carries g to x_{t−1}. `tr` replaces
 * the case's trajectory: one already computed, or a wrong implementation's steps (golden vectors).
 */
export function bptt(c: Omit<LossCase, 'variant'>, p: Precision, mistakes: BpttMistakes = {}, tr: Trajectory = trajectory(c, p, true)): ExpectedGradients {
  const { n, m, T } = c;
  const cs = exact(T, n, c.cs);
  const zero = (r: number, k: number): Bounded => exact(r, k, new Float64Array(r * k));
  const dW: Bounded[] = [zero(n, n)];
  const dU: Bounded[] = [zero(n, m)];
  const db: Bounded[] = [zero(n, 1)];
  let g = zero(n, 1);
  let delta1 = g;
  const first = mistakes.lastStepOnly === true ? T : 1;
  for (let t = T; t >= first; t--) {
    const s = tr.steps[t - 1];
    g = add(g, { ...sliceRows(cs, t - 1, t), rows: n, cols: 1 }, p);
    delta1 = g;
    const lin = c.form === 'elman' ? hadamard(s.slope, g, p) : g;
    if (mistakes.dropTerm !== t) {
      dW.push(matmul(lin, transpose(s.signal), p));
      dU.push(matmul(lin, transpose(s.feature), p));
      db.push(lin);
    }
    const J = mistakes.tapeOneStepEarly === true && t > 1 ? tr.steps[t - 2].J : s.J;
    g = matmul(mistakes.forwardJacobian === true ? J : transpose(J), g, p);
  }
  // The sums over time may be taken in any order: sumAll charges γ_{T}·Σ|terms|.
  return { W: sumAll(dW, p), U: sumAll(dU, p), b: sumAll(db, p), x0: mistakes.x0IsDelta1 === true ? delta1 : g };
}
