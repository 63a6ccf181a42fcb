/**
 * The contract's capabilities as jax-js programs: functions from a tree of arrays (the case's
 * weights and inputs) to a tree of arrays, built from one AD entry point (transforms.ts). A program
 * runs as it is (eager variants) or under `jax.jit` (the `jit-…` variants): the same code either way.
 *
 * Every program consumes its arguments exactly once.
 */
import type { ActivationRef, Form } from '../../src/contract.js';
import type { JArray, Jax } from './jax.js';
import { lastState, refs, release, states, stepOf, type Weights } from './recurrence.js';
import type { AdEntryPoint } from './transforms.js';

/** The arrays of a one-step case: the weights, x = x_{t-1} (length n) and u = u_t (length m). */
export type StepArgs = { W: JArray; U: JArray; b: JArray; alpha: JArray; x: JArray; u: JArray };
/** A step case with one more vector: the cotangent of a VJP or the tangent of a JVP (length n). */
export type VectorArgs = StepArgs & { v: JArray };
/** The arrays of a sequence case: the weights, x0 (length n) and us (T×m). */
export type SequenceArgs = { W: JArray; U: JArray; b: JArray; alpha: JArray; x0: JArray; us: JArray };
/** A sequence case with the loss weights cs (T×n). */
export type LossArgs = SequenceArgs & { cs: JArray };

/** A program: a function of one tree of arrays. */
export type Program<A, R> = (args: A) => R;

/** The programs of one AD entry point for one form and activation. */
export interface Programs {
  stepJacobian: Program<StepArgs, JArray>;
  inputJacobian: Program<StepArgs, JArray>;
  sequenceJacobian: Program<SequenceArgs, JArray>;
  vjp?: Program<VectorArgs, JArray>;
  jvp?: Program<VectorArgs, JArray>;
  parameterGradients?: Program<LossArgs, JArray[]>;
  forward?: Program<SequenceArgs, JArray>;
}

function weightsOf(a: { W: JArray; U: JArray; b: JArray; alpha: JArray }): Weights {
  return { W: a.W, U: a.U, b: a.b, alpha: a.alpha };
}

/** Builds the programs of entry point `t` for `form` and activation `act`. */
export function programsOf(jax: Jax, t: AdEntryPoint, form: Form, act: ActivationRef): Programs {
  const step = stepOf(jax, form, act);
  /** f(x) = x_t as a function of x_{t-1}, at the case's u; the caller releases w and u afterwards. */
  const ofState =
    (w: Weights, u: JArray) =>
    (x: JArray): JArray =>
      step(refs(w), x, u.ref);
  /** Runs `body` on the case's weights and releases them (and `rest`) afterwards. */
  const withWeights = <R>(a: { W: JArray; U: JArray; b: JArray; alpha: JArray }, rest: JArray[], body: (w: Weights) => R): R => {
    const w = weightsOf(a);
    try {
      return body(w);
    } finally {
      release(w);
      for (const r of rest) r.dispose();
    }
  };
  const vectorProgram = (apply: AdEntryPoint['vjp']): Program<VectorArgs, JArray> | undefined =>
    apply === undefined ? undefined : (a) => withWeights(a, [a.u], (w) => apply(ofState(w, a.u), a.x, a.v));
  return {
    stepJacobian: (a) => withWeights(a, [a.u], (w) => t.jacobian(ofState(w, a.u), a.x, a.W.shape[0])),
    inputJacobian: (a) => withWeights(a, [a.x], (w) => t.jacobian((u) => step(refs(w), a.x.ref, u), a.u, a.W.shape[0])),
    sequenceJacobian: (a) => withWeights(a, [a.us], (w) => t.jacobian((x0) => lastState(step, refs(w), x0, a.us.ref), a.x0, a.W.shape[0])),
    vjp: vectorProgram(t.vjp),
    jvp: vectorProgram(t.jvp),
    parameterGradients:
      t.gradients === undefined
        ? undefined
        : (a) => {
            const { alpha, us } = a;
            try {
              return t.gradients!((W, U, b, x0) => states(jax, step, { W, U, b, alpha: alpha.ref }, x0, us.ref), [a.W, a.U, a.b, a.x0], a.cs);
            } finally {
              alpha.dispose();
              us.dispose();
            }
          },
    forward: t.primal === undefined ? undefined : (a) => withWeights(a, [a.us], (w) => t.primal!((x0) => states(jax, step, refs(w), x0, a.us.ref), a.x0)),
  };
}
