/**
 * The reference adapter: float64 (and float32 with every operation rounded by Math.fround), analytic
 * Jacobians, every capability and every form. It is the executable reading of the spec; its own
 * independent check is `oracle.ts` (forward-mode dual numbers through the recurrence).
 */
import type { ActivationName, Adapter, AdapterFactory, LossCase, SequenceCase, StepCase } from '../../src/contract.js';
import { mm, plus, tr } from './linalg.js';
import { refModel, refRun, refStep } from './recurrence.js';

const ACTIVATIONS: readonly ActivationName[] = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu'];

function step(c: StepCase) {
  const M = refModel(c);
  return { M, s: refStep(M, c.x, c.u) };
}

/**
 * Creates the reference adapter. It runs in JavaScript only: `backend` may be `js` or absent (another
 * is refused rather than ignored, so that a report never says "backend js" for a run asked for another).
 */
export const createReferenceAdapter: AdapterFactory = (options = {}) => {
  const { backend } = options;
  if (backend !== undefined && backend !== 'js')
    throw new Error(
      `the reference adapter runs in JavaScript only (backend js); it has no backend '${backend}'. Leave out --backend, or pick a framework adapter (--list)`,
    );
  const adapter: Adapter = {
    name: 'reference',
    dtypes: ['float64', 'float32'],
    activations: ACTIVATIONS,
    forms: ['pascanu', 'pascanu-sigma-input', 'elman'],
    stepJacobian: (c) => step(c).s.J,
    inputJacobian: (c) => step(c).s.Ju,
    vjp: (c, v) => {
      const { M, s } = step(c);
      return mm(tr(s.J, c.n, c.n), v, c.n, c.n, 1, M.rd);
    },
    jvp: (c, w) => {
      const { M, s } = step(c);
      return mm(s.J, w, c.n, c.n, 1, M.rd);
    },
    forward: (c: SequenceCase) => {
      const steps = refRun(refModel(c), c.x0, c.us, c.T);
      const out = new Float64Array(c.T * c.n);
      for (const [t, s] of steps.entries()) out.set(s.next, t * c.n);
      return out;
    },
    sequenceJacobian: (c: SequenceCase) => {
      const M = refModel(c);
      const steps = refRun(M, c.x0, c.us, c.T);
      let P = steps[0].J;
      for (let t = 1; t < c.T; t++) P = mm(steps[t].J, P, c.n, c.n, c.n, M.rd);
      return P;
    },
    parameterGradients: (c: LossCase) => {
      const M = refModel(c);
      const { n, m, T, rd } = { ...c, rd: M.rd };
      const steps = refRun(M, c.x0, c.us, T);
      let W: Float64Array = new Float64Array(n * n);
      let U: Float64Array = new Float64Array(n * m);
      let b: Float64Array = new Float64Array(n);
      let g: Float64Array = new Float64Array(n);
      for (let t = T - 1; t >= 0; t--) {
        const s = steps[t];
        g = plus(g, c.cs.subarray(t * n, (t + 1) * n), rd);
        const gate = s.gate;
        const lin = gate === undefined ? g : Float64Array.from(g, (v, i) => rd(v * gate[i]));
        W = plus(W, mm(lin, s.signal, n, 1, n, rd), rd);
        U = plus(U, mm(lin, s.feature, n, 1, m, rd), rd);
        b = plus(b, lin, rd);
        g = mm(tr(s.J, n, n), g, n, n, 1, rd);
      }
      return { W, U, b, x0: g };
    },
    info: () => ({ framework: 'rnn-jac-spec reference', version: 'analytic', backend: 'js', device: 'cpu' }),
  };
  return adapter;
};

export default createReferenceAdapter;
