import type { ActivationName, ActivationRef, Dtype, Form } from '../contract.js';

/** Activations whose σ' takes a different value at each of the states {@link distinctStates} draws, with no kink. */
const SMOOTH = ['tanh', 'sigmoid', 'softplus', 'gelu'] as const satisfies readonly ActivationName[];

/** The fields a follow-up reads; step, adjoint, sequence and loss cases all have them. */
interface CaseFields {
  readonly n: number;
  readonly m: number;
  readonly W: Float64Array;
  readonly U: Float64Array;
  readonly b: Float64Array;
  readonly activation: ActivationRef;
  readonly dtype: Dtype;
  readonly form: Form;
  readonly x?: Float64Array;
  readonly u?: Float64Array;
  readonly x0?: Float64Array;
}

/** n values of alternating sign with distinct magnitudes in [0.25, 0.75], exact in the dtype. */
function distinctStates(n: number, dtype: Dtype): Float64Array {
  const rd = dtype === 'float32' ? Math.fround : (x: number) => x;
  return Float64Array.from({ length: n }, (_, i) => rd((i % 2 === 0 ? 1 : -1) * (0.25 + (0.5 * i) / Math.max(1, n - 1))));
}

/**
 * The discriminating follow-up of a shrunk case that matched several wrong forms (RJS-DIAG-6): the
 * same case with a smooth σ (the case's own when it is smooth, else the first the adapter supports of
 * tanh, sigmoid, softplus, gelu) and the states where σ' is taken set to distinct values away from
 * every kink, so that σ' differs from entry to entry and forms that coincide when σ' ≡ 1 or on a
 * kink no longer do. Undefined when the adapter supports no smooth activation or the case has none
 * of these fields. With `ownActivation` (RJS-DIAG-7) the case keeps its σ whatever it is.
 * @param kase - the shrunk case (a step, adjoint, sequence or loss case)
 * @param activations - the activations the adapter supports
 */
export function followUpCase(
  kase: unknown,
  activations: readonly string[],
  o: { readonly ownActivation?: boolean } = {},
): { readonly case: unknown; readonly change: string } | undefined {
  const c = kase as CaseFields;
  if (typeof c !== 'object' || c === null || !(c.W instanceof Float64Array) || typeof c.activation?.name !== 'string') return undefined;
  // RJS-DIAG-7 keeps the case's σ, kinked or not: the distinct states lie on no kink either way.
  const own = o.ownActivation === true || (SMOOTH as readonly string[]).includes(c.activation.name);
  const name = own ? c.activation.name : SMOOTH.find((a) => activations.includes(a));
  if (name === undefined) return undefined;
  const activation: ActivationRef = own ? c.activation : { name };
  const t = distinctStates(c.n, c.dtype);
  const changes = own ? [] : [`σ = ${name} instead of ${c.activation.name}`];
  let next: Record<string, unknown> = { ...c, activation };
  if (c.x !== undefined && c.form === 'elman') {
    // σ' is taken at a = W·h + U·u + b: b is solved for so that a lands on the distinct values.
    const rd = c.dtype === 'float32' ? Math.fround : (x: number) => x;
    const b = Float64Array.from(t, (ti, i) => {
      let a = 0;
      for (let j = 0; j < c.n; j++) a += c.W[i * c.n + j] * c.x![j];
      for (let j = 0; j < c.m; j++) a += c.U[i * c.m + j] * (c.u?.[j] ?? 0);
      return rd(ti - a);
    });
    next = { ...next, b };
    changes.push(`b chosen so that the pre-activations are ${Array.from(t, (v) => v.toPrecision(3)).join(', ')}`);
  } else if (c.x !== undefined) {
    next = { ...next, x: t };
    changes.push(`x_{t-1} = ${Array.from(t, (v) => v.toPrecision(3)).join(', ')}`);
    if (o.ownActivation === true && c.form === 'pascanu-sigma-input' && c.u !== undefined) {
      // This form takes σ of the input too: its input Jacobian's σ' is at u_t.
      const tu = distinctStates(c.m, c.dtype);
      next = { ...next, u: tu };
      changes.push(`u_t = ${Array.from(tu, (v) => v.toPrecision(3)).join(', ')}`);
    }
  } else if (c.x0 !== undefined) {
    next = { ...next, x0: t };
    changes.push(`x_0 = ${Array.from(t, (v) => v.toPrecision(3)).join(', ')}`);
  } else {
    return undefined;
  }
  return { case: next, change: changes.join('; ') };
}
