import { exact, sliceRows, type Bounded, type Precision } from '../bound/bounded.js';
import type { SequenceCase } from '../contract.js';
import { recurrence, stepParts, type Recurrence, type StepParts } from './stepParts.js';

/** A whole forward pass: the recurrence and the parts of each step t = 1..T (index t−1). */
export interface Trajectory {
  /** The recurrence. */ readonly r: Recurrence;
  /** x_0 as given (exact). */ readonly x0: Bounded;
  /** Step t is `steps[t−1]`. */ readonly steps: readonly StepParts[];
}

/**
 * Runs the recurrence with running error bounds: errors of x_t feed σ and σ' at later steps. `chain`:
 * the bounds of W and U by one-sided Jacobi, for chains of products (see {@link recurrence}). `r`
 * replaces the case's recurrence (the golden vectors run wrong implementations' σ and alpha with it).
 */
export function trajectory(c: Omit<SequenceCase, 'variant'>, p: Precision, chain = false, r: Recurrence = recurrence(c, chain)): Trajectory {
  const x0 = exact(c.n, 1, c.x0);
  const us = exact(c.T, c.m, c.us);
  const steps: StepParts[] = [];
  let prev = x0;
  for (let t = 0; t < c.T; t++) {
    const u = sliceRows(us, t, t + 1);
    const parts = stepParts(r, prev, { ...u, rows: c.m, cols: 1 }, p);
    steps.push(parts);
    prev = parts.next;
  }
  return { r, x0, steps };
}
