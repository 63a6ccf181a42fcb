import { exact, matmul, roundResult, stackRows, transpose, type Bounded, type Precision } from '../bound/bounded.js';
import { bptt, type ExpectedGradients } from './bptt.js';
import { chainProduct } from './chainProduct.js';
import type { Dtype, LossCase, SequenceCase, StepCase } from '../contract.js';
import { comparisonPrecision, unitRoundoff } from './precision.js';
import { recurrence, stepParts, type StepParts } from './stepParts.js';
import { trajectory } from './trajectory.js';

/** One step of a step case, with bounds for precision p. */
export function oneStep(c: Omit<StepCase, 'variant'>, p: Precision): StepParts {
  return stepParts(recurrence(c), exact(c.n, 1, c.x), exact(c.m, 1, c.u), p);
}

/** Adds the rounding of the returned result to dtype (RJS-TOL-4). */
export function finish(A: Bounded, dtype: Dtype): Bounded {
  return roundResult(A, unitRoundoff(dtype), comparisonPrecision(dtype).tiny);
}

/** RJS-STEP: expected ∂x_t/∂x_{t−1}, n×n, with its tolerance. */
export function expectedStepJacobian(c: Omit<StepCase, 'variant'>): Bounded {
  return finish(oneStep(c, comparisonPrecision(c.dtype)).J, c.dtype);
}

/** RJS-INPUT: expected ∂x_t/∂u_t, n×m. */
export function expectedInputJacobian(c: Omit<StepCase, 'variant'>): Bounded {
  return finish(oneStep(c, comparisonPrecision(c.dtype)).Ju, c.dtype);
}

/** Jᵀ·v for the step Jacobian (reverse mode), n×1. */
export function expectedVjp(c: Omit<StepCase, 'variant'>, v: Float64Array): Bounded {
  const p = comparisonPrecision(c.dtype);
  return finish(matmul(transpose(oneStep(c, p).J), exact(c.n, 1, v), p), c.dtype);
}

/** J·w for the step Jacobian (forward mode), n×1. */
export function expectedJvp(c: Omit<StepCase, 'variant'>, w: Float64Array): Bounded {
  const p = comparisonPrecision(c.dtype);
  return finish(matmul(oneStep(c, p).J, exact(c.n, 1, w), p), c.dtype);
}

/** RJS-FWD: expected states x_1 … x_T, T×n. */
export function expectedForward(c: Omit<SequenceCase, 'variant'>): Bounded {
  const tr = trajectory(c, comparisonPrecision(c.dtype));
  const rows = tr.steps.map((s) => ({ ...s.next, rows: 1, cols: c.n }));
  return finish(stackRows(rows), c.dtype);
}

/** The ordered product J_T ⋯ J_1 of the given step Jacobians. */
export function orderedProduct(steps: readonly StepParts[], p: Precision): Bounded {
  return chainProduct(
    steps.map((s) => s.J),
    p,
  );
}

/** RJS-SEQ: expected ∂x_T/∂x_0 = J_T ⋯ J_1, n×n. */
export function expectedSequenceJacobian(c: Omit<SequenceCase, 'variant'>): Bounded {
  const p = comparisonPrecision(c.dtype);
  return finish(orderedProduct(trajectory(c, p, true).steps, p), c.dtype);
}

/** RJS-GRAD: expected gradients of L = Σ_t ⟨c_t, x_t⟩ by backpropagation through time. */
export function expectedParameterGradients(c: Omit<LossCase, 'variant'>): ExpectedGradients {
  const g = bptt(c, comparisonPrecision(c.dtype));
  return { W: finish(g.W, c.dtype), U: finish(g.U, c.dtype), b: finish(g.b, c.dtype), x0: finish(g.x0, c.dtype) };
}
