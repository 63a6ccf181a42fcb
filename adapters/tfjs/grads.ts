/**
 * The `grads` variant: the recurrence written with tfjs ops (recurrence.ts) and differentiated by
 * `tf.grads(f)(xs, dy)`, with an explicit cotangent dy. A whole Jacobian is one backward pass over
 * a batch of copies with dy = I. tfjs has no forward mode, so there is no JVP (the adjoint
 * property pairs the VJP with the step Jacobian instead).
 */
import type { LossCase, SequenceCase, StepCase } from '../../src/contract.js';
import { runSteps, stepOf, type Weights } from './recurrence.js';
import { f32, read, readAll, tiled, type Tensor, type Tf } from './tfjs.js';
import type { TfjsVariant } from './variant.js';

function weights(tf: Tf, c: StepCase | SequenceCase): Weights {
  return { W: f32(tf, c.W, [c.n, c.n]), U: f32(tf, c.U, [c.n, c.m]), b: f32(tf, c.b, [c.n]) };
}

/** Creates the `grads` variant over the loaded tfjs. */
export function gradsVariant(tf: Tf): TfjsVariant {
  /** y(X) for one step at the case's u: the function whose Jacobian rows tf.grads returns. */
  const stepAt = (c: StepCase) => {
    const w = weights(tf, c);
    const step = stepOf(tf, c.form, c.activation);
    const u = f32(tf, c.u, [1, c.m]);
    return (X: Tensor): Tensor => step(w, X, u);
  };
  const lastState = (c: SequenceCase, X0: Tensor): Tensor => {
    const w = weights(tf, c);
    const states = runSteps(tf, stepOf(tf, c.form, c.activation), w, X0, f32(tf, c.us, [c.T, c.m]), c.T);
    return states[c.T - 1];
  };
  return {
    stepJacobian: (c) => read(tf, () => tf.grads(stepAt(c))([tiled(tf, c.x, c.n)], tf.eye(c.n))[0]),
    inputJacobian: (c) =>
      read(tf, () => {
        const w = weights(tf, c);
        const step = stepOf(tf, c.form, c.activation);
        const x = f32(tf, c.x, [1, c.n]);
        return tf.grads((Uin: Tensor) => step(w, x, Uin))([tiled(tf, c.u, c.n)], tf.eye(c.n))[0];
      }),
    vjp: (c, v) => read(tf, () => tf.grads(stepAt(c))([f32(tf, c.x, [1, c.n])], f32(tf, v, [1, c.n]))[0]),
    sequenceJacobian: (c) => read(tf, () => tf.grads((X0: Tensor) => lastState(c, X0))([tiled(tf, c.x0, c.n)], tf.eye(c.n))[0]),
    forward: (c) =>
      read(tf, () => {
        const states = runSteps(tf, stepOf(tf, c.form, c.activation), weights(tf, c), f32(tf, c.x0, [1, c.n]), f32(tf, c.us, [c.T, c.m]), c.T);
        return tf.concat(states, 0);
      }),
    parameterGradients: async (c: LossCase) => {
      const [W, U, b, x0] = await readAll(tf, () => {
        const step = stepOf(tf, c.form, c.activation);
        const us = f32(tf, c.us, [c.T, c.m]);
        const states = (W: Tensor, U: Tensor, b: Tensor, X0: Tensor): Tensor => tf.concat(runSteps(tf, step, { W, U, b }, X0, us, c.T), 0);
        const w = weights(tf, c);
        return tf.grads(states)([w.W, w.U, w.b, f32(tf, c.x0, [1, c.n])], f32(tf, c.cs, [c.T, c.n]));
      });
      return { W, U, b, x0 };
    },
  };
}
