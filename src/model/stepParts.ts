import type { Activation } from '../activation/activation.js';
import { activationByName } from '../activation/activations.js';
import { exact, hstack, matmul, scaleCols, scaleRows, stackRows, type Bounded, type Precision } from '../bound/bounded.js';
import { mapDerivative, mapSigma } from '../bound/elementwise.js';
import type { ActivationRef, Form } from '../contract.js';
import { spectralNormUpper } from '../linalg/normEstimates.js';
import { spectralNormBound } from '../linalg/spectralNormBound.js';

/** The fixed parameters of a recurrence, as bounded (exact) matrices. */
export interface Recurrence {
  /** The form. */ readonly form: Form;
  /** n. */ readonly n: number;
  /** m. */ readonly m: number;
  /** W, n×n. */ readonly W: Bounded;
  /** U, n×m. */ readonly U: Bounded;
  /** b, n×1. */ readonly b: Bounded;
  /** [W | U | b], n×(n+m+1): the affine map of a step as one matrix, built once per recurrence. */ readonly WUb: Bounded;
  /** σ. */ readonly act: Activation;
  /** σ's parameter (0 when it has none). */ readonly alpha: number;
}

/**
 * Builds a {@link Recurrence} from contract-shaped arrays. The bounds s of W and U (RJS-TOL-6) are
 * min(‖·‖_F, √(‖·‖₁‖·‖∞)), O(n²); with `chain` (the sequence Jacobian and BPTT, whose normwise
 * bounds multiply T factors) the one-sided Jacobi value padded by (1 + (r + c)·u_float64), O(n³) like
 * the products themselves. One step's bound never uses s of an exact input, and the forward states'
 * bounds barely do (2× looser on 0.25 % of entries without it), so they need no O(n³) work.
 */
export function recurrence(
  c: { form: Form; n: number; m: number; W: Float64Array; U: Float64Array; b: Float64Array; activation: ActivationRef },
  chain = false,
): Recurrence {
  const norm = chain ? spectralNormBound : spectralNormUpper;
  const W = exact(c.n, c.n, c.W, norm(c.W, c.n, c.n));
  const U = exact(c.n, c.m, c.U, norm(c.U, c.n, c.m));
  const b = exact(c.n, 1, c.b);
  let WUb: Bounded | undefined;
  return {
    form: c.form,
    n: c.n,
    m: c.m,
    W,
    U,
    b,
    // Built on first use: a Jacobian alone never needs the step's value.
    get WUb() {
      return (WUb ??= hstack([W, U, b]));
    },
    act: activationByName(c.activation.name),
    alpha: c.activation.alpha ?? 0,
  };
}

/** An object whose members are computed on first read and kept: a check reads one or two of them. */
function lazyParts<T extends object>(make: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(make) as (keyof T)[]) {
    let value: T[typeof key] | undefined;
    let done = false;
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = make[key]();
          done = true;
        }
        return value;
      },
    });
  }
  return out;
}

/** Everything one step of the recurrence produces, each with its error bound. */
export interface StepParts {
  /** The next state x_t (elman: h_t), n×1. */ readonly next: Bounded;
  /** Where σ' is taken: x_{t−1} (pascanu forms) or a_t (elman), n×1. */ readonly pre: Bounded;
  /** The vector W multiplies: σ(x_{t−1}) (pascanu forms) or h_{t−1} (elman), n×1. */ readonly signal: Bounded;
  /** The input feature U multiplies: u_t, or σ(u_t) for pascanu-sigma-input, m×1. */ readonly feature: Bounded;
  /** σ' where the step differentiates: at x_{t−1} (pascanu forms) or at a_t (elman), n×1. */ readonly slope: Bounded;
  /** The one-step Jacobian ∂x_t/∂x_{t−1}, n×n. */ readonly J: Bounded;
  /** The input Jacobian ∂x_t/∂u_t, n×m. */ readonly Ju: Bounded;
}

/**
 * W·s + U·g + b as one sum of n + m + 1 terms per entry, so that γ_{n+m+1} covers every order an
 * implementation may use (fused kernels often start the accumulator at b).
 */
export function affine(r: Recurrence, s: Bounded, g: Bounded, p: Precision): Bounded {
  return matmul(r.WUb, stackRows([s, g, exact(1, 1, [1])]), p);
}

/** One step of the recurrence from a (bounded) previous state and an exact input (RJS-FORM-1..3). */
export function stepParts(r: Recurrence, prev: Bounded, u: Bounded, p: Precision): StepParts {
  // Each part is computed when first read: a step Jacobian needs σ' and J, never the next state.
  if (r.form === 'elman') {
    const parts: StepParts = lazyParts<StepParts>({
      pre: () => affine(r, prev, u, p),
      next: () => mapSigma(parts.pre, r.act, r.alpha, p),
      signal: () => prev,
      feature: () => u,
      slope: () => mapDerivative(parts.pre, r.act, r.alpha, p),
      J: () => scaleRows(parts.slope, r.W, p),
      Ju: () => scaleRows(parts.slope, r.U, p),
    });
    return parts;
  }
  const sigmaInput = r.form === 'pascanu-sigma-input';
  const parts: StepParts = lazyParts<StepParts>({
    next: () => affine(r, parts.signal, parts.feature, p),
    pre: () => prev,
    signal: () => mapSigma(prev, r.act, r.alpha, p),
    feature: () => (sigmaInput ? mapSigma(u, r.act, r.alpha, p) : u),
    slope: () => mapDerivative(prev, r.act, r.alpha, p),
    J: () => scaleCols(r.W, parts.slope, p),
    Ju: () => (sigmaInput ? scaleCols(r.U, mapDerivative(u, r.act, r.alpha, p), p) : r.U),
  });
  return parts;
}

/**
 * The next state alone (x_t, or h_t for elman), for the many forward evaluations of a
 * finite-difference bound (RJS-TOL-FD) that need no Jacobian.
 */
export function nextState(r: Recurrence, prev: Bounded, u: Bounded, p: Precision): Bounded {
  if (r.form === 'elman') return mapSigma(affine(r, prev, u, p), r.act, r.alpha, p);
  const feature = r.form === 'pascanu-sigma-input' ? mapSigma(u, r.act, r.alpha, p) : u;
  return affine(r, mapSigma(prev, r.act, r.alpha, p), feature, p);
}
