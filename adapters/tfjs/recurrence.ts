/**
 * The spec's recurrences in tfjs ops, on a batch of states stored as rows (tfjs's convention):
 * a B×n matrix X holds B states, so W·x becomes X·Wᵀ (`matMul(X, W, false, true)`). A batch of
 * n copies of one state with the identity as cotangent gives the whole Jacobian in one backward pass.
 */
import type { Form, ActivationRef } from '../../src/contract.js';
import type { Tensor, Tf } from './tfjs.js';
import { sigma } from './activation.js';

/** The weights of a recurrence as tensors: W n×n, U n×m, b of length n (spec layout). */
export interface Weights {
  readonly W: Tensor;
  readonly U: Tensor;
  readonly b: Tensor;
}

/** One step on a batch: X is B×n (or 1×n), Uin is B×m (or 1×m); rows broadcast. Returns B×n. */
export type Step = (w: Weights, X: Tensor, Uin: Tensor) => Tensor;

/** The step of `form` with activation `a`. */
export function stepOf(tf: Tf, form: Form, a: ActivationRef): Step {
  const s = sigma(tf, a);
  const rec = (w: Weights, X: Tensor): Tensor => tf.matMul(X, w.W, false, true);
  const inp = (w: Weights, V: Tensor): Tensor => tf.matMul(V, w.U, false, true);
  switch (form) {
    case 'pascanu':
      return (w, X, Uin) => tf.add(tf.add(rec(w, s(X)), inp(w, Uin)), w.b);
    case 'pascanu-sigma-input':
      return (w, X, Uin) => tf.add(tf.add(rec(w, s(X)), inp(w, s(Uin))), w.b);
    case 'elman':
      return (w, X, Uin) => s(tf.add(tf.add(rec(w, X), inp(w, Uin)), w.b));
  }
}

/** Runs T steps from X0 (B×n) with inputs `us` (T×m); returns the T states, each B×n. */
export function runSteps(tf: Tf, step: Step, w: Weights, X0: Tensor, us: Tensor, T: number): Tensor[] {
  const m = us.shape[1] as number;
  const states: Tensor[] = [];
  let X = X0;
  for (let t = 0; t < T; t++) {
    X = step(w, X, tf.slice(us, [t, 0], [1, m]));
    states.push(X);
  }
  return states;
}
