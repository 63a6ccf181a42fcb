/**
 * A finite-difference adapter for the tests of RJS-TOL-FD: central differences of the reference's
 * forward recurrence (every operation rounded to the dtype), differenced in float64; its forward
 * states are the reference adapter's.
 * @packageDocumentation
 */
import { tr } from '../../adapters/reference/linalg.js';
import createReferenceAdapter from '../../adapters/reference/index.js';
import { refModel, refStep } from '../../adapters/reference/recurrence.js';
import { ACTIVATION_NAMES, FORMS, type Adapter, type Form, type StepCase } from '../../src/contract.js';

/** Every catalogue activation. */
export const ALL_ACTIVATIONS: readonly string[] = ACTIVATION_NAMES;
/** Every form. */
export const ALL_FORMS: readonly Form[] = FORMS;

/** How the adapter is built, and how it is broken. */
export interface FdAdapterOptions {
  /** The step h it declares in its variant scope. */ readonly declared: number;
  /** The step it really differences with (default: the declared one). */ readonly used?: number;
  /** Run the forward pass with Wᵀ (a row-vector layout bug). */ readonly transposeW?: boolean;
  /** The forms it declares (default all). */ readonly forms?: readonly Form[];
}

/**
 * The adapter: one variant `fd` declaring `finiteDifference` and the capabilities `forward` and
 * `inputJacobian`. sequenceJacobian, vjp and parameterGradients exist but are not offered: the
 * runner must never call them.
 */
export function fdAdapter(o: FdAdapterOptions): Adapter {
  const h = o.used ?? o.declared;
  const reference = createReferenceAdapter({}) as Adapter;
  const model = (c: StepCase) => refModel(o.transposeW === true ? { ...c, W: tr(c.W, c.n, c.n) } : c);
  const centralDifference = (c: StepCase, wrt: 'state' | 'input'): Float64Array => {
    const M = model(c);
    const base = wrt === 'state' ? c.x : c.u;
    const J = new Float64Array(c.n * base.length);
    for (let k = 0; k < base.length; k++) {
      // The perturbed entry is formed in float64 and rounded to the dtype, as a framework input would be.
      const at = (d: number): Float64Array => {
        const moved = Float64Array.from(base);
        moved[k] = M.rd(base[k] + d);
        return wrt === 'state' ? refStep(M, moved, c.u).next : refStep(M, c.x, moved).next;
      };
      const plus = at(h);
      const minus = at(-h);
      for (let i = 0; i < c.n; i++) J[i * base.length + k] = (plus[i] - minus[i]) / (2 * h);
    }
    return J;
  };
  const notOffered = (): never => {
    throw new Error('not offered by the fd variant: the runner must not call it');
  };
  return {
    name: 'fd-reference',
    dtypes: ['float64', 'float32'],
    activations: ALL_ACTIVATIONS,
    forms: o.forms ?? ALL_FORMS,
    variants: ['fd'],
    variantScopes: { fd: { finiteDifference: { step: o.declared }, capabilities: ['forward', 'inputJacobian'] } },
    stepJacobian: (c) => centralDifference(c, 'state'),
    inputJacobian: (c) => centralDifference(c, 'input'),
    forward: (c) => reference.forward!(o.transposeW === true ? { ...c, W: tr(c.W, c.n, c.n) } : c),
    sequenceJacobian: notOffered,
    vjp: notOffered,
    parameterGradients: notOffered,
  };
}
