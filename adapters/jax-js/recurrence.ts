/**
 * The spec's recurrences in jax-js, on column vectors exactly as the spec writes them: a state is a
 * 1-d array of length n and `W·x` is `np.matmul(W, x)` with W n×n. jax-js's Jacobian functions take
 * 1-d inputs, so every function here maps 1-d arrays; batches come from the transformations (vmap).
 *
 * Every function consumes its array arguments exactly once (jax-js's move semantics, see jax.ts).
 */
import type { ActivationRef, Form } from '../../src/contract.js';
import { sigma } from './activation.js';
import type { JArray, Jax } from './jax.js';

/** The parameters of a recurrence: W n×n, U n×m, b of length n, alpha 0-d (spec layout). */
export interface Weights {
  readonly W: JArray;
  readonly U: JArray;
  readonly b: JArray;
  readonly alpha: JArray;
}

/** One more reference to each weight, for a function that is called again. */
export function refs(w: Weights): Weights {
  return { W: w.W.ref, U: w.U.ref, b: w.b.ref, alpha: w.alpha.ref };
}

/** Drops this reference to each weight. */
export function release(w: Weights): void {
  for (const a of [w.W, w.U, w.b, w.alpha]) a.dispose();
}

/** One step x_t = step(w, x_{t-1}, u_t), on 1-d x (length n) and u (length m). Consumes all. */
export type Step = (w: Weights, x: JArray, u: JArray) => JArray;

/** The step of `form` with activation `a`. */
export function stepOf(jax: Jax, form: Form, a: ActivationRef): Step {
  const np = jax.numpy;
  const s = sigma(jax, a);
  switch (form) {
    case 'pascanu':
      return (w, x, u) => np.matmul(w.W, s(x, w.alpha)).add(np.matmul(w.U, u)).add(w.b);
    case 'pascanu-sigma-input':
      return (w, x, u) =>
        np
          .matmul(w.W, s(x, w.alpha.ref))
          .add(np.matmul(w.U, s(u, w.alpha)))
          .add(w.b);
    case 'elman':
      return (w, x, u) => s(np.matmul(w.W, x).add(np.matmul(w.U, u)).add(w.b), w.alpha);
  }
}

/** The states x_1 … x_T from x0 (length n) and inputs us (T×m), as a T×n array. Consumes all. */
export function states(jax: Jax, step: Step, w: Weights, x0: JArray, us: JArray): JArray {
  const T = us.shape[0];
  const out: JArray[] = [];
  let x = x0;
  for (let t = 0; t < T; t++) {
    x = step(refs(w), x, us.ref.slice(t));
    out.push(x.ref);
  }
  x.dispose();
  us.dispose();
  release(w);
  return jax.numpy.stack(out);
}

/** The last state x_T from x0 and inputs us (T×m). Consumes all. */
export function lastState(step: Step, w: Weights, x0: JArray, us: JArray): JArray {
  const T = us.shape[0];
  let x = x0;
  for (let t = 0; t < T; t++) x = step(refs(w), x, us.ref.slice(t));
  us.dispose();
  release(w);
  return x;
}
