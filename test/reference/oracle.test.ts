import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import createReferenceAdapter from '../../adapters/reference/index.js';
import { oracleForward, oracleInputJacobian, oracleParameterGradients, oracleSequenceJacobian, oracleStepJacobian } from '../../adapters/reference/oracle.js';
import { lossCase } from '../../src/arbitrary/sequenceCase.js';
import { stepCase } from '../../src/arbitrary/stepCase.js';
import { ACTIVATION_NAMES, FORMS, type Adapter } from '../../src/contract.js';
import { refActivation } from '../../adapters/reference/functions.js';

const forms = FORMS;
const activations = ACTIVATION_NAMES;
const constraints = { maxN: 6, maxT: 5, maxM: 3, dtype: 'float64' as const, forms, activations };
const reference = createReferenceAdapter({}) as Adapter;

/** Max |a − b| / (1 + |b|): the analytic reference and the oracle agree to float64 roundoff. */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return m;
}
// Forward-mode duals and the analytic formula round differently; T ≤ 5 products of O(1) factors stay far below 1e-9.
const AGREE = 1e-9;

describe('reference adapter vs the dual-number oracle', () => {
  test.prop([stepCase(constraints)], { numRuns: 300 })('step and input Jacobians', (c) => {
    const k = { ...c, variant: undefined };
    expect(maxRelDiff(reference.stepJacobian(k) as Float64Array, oracleStepJacobian(k))).toBeLessThan(AGREE);
    expect(maxRelDiff(reference.inputJacobian!(k) as Float64Array, oracleInputJacobian(k))).toBeLessThan(AGREE);
  });

  test.prop([lossCase(constraints)], { numRuns: 150 })('sequence Jacobian, forward states and BPTT gradients', (c) => {
    const k = { ...c, variant: undefined };
    expect(maxRelDiff(reference.sequenceJacobian!(k) as Float64Array, oracleSequenceJacobian(k))).toBeLessThan(AGREE);
    expect(maxRelDiff(reference.forward!(k) as Float64Array, oracleForward(k))).toBeLessThan(AGREE);
    const g = reference.parameterGradients!(k) as { W: Float64Array; U: Float64Array; b: Float64Array; x0: Float64Array };
    const o = oracleParameterGradients(k);
    for (const name of ['W', 'U', 'b', 'x0'] as const) expect(maxRelDiff(g[name], o[name])).toBeLessThan(AGREE);
  });

  test.prop(
    [
      stepCase({ ...constraints, forms: ['pascanu'], activations: ['tanh', 'sigmoid'] }).filter((c) => c.n >= 2),
      fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
    ],
    { numRuns: 200 },
  )("Pascanu's printed Wᵀ·diag(σ') disagrees with the oracle for every generated (non-symmetric) W", (c, xs) => {
    const x = Float64Array.from({ length: c.n }, (_, i) => xs[i]);
    const k = { ...c, x, variant: undefined };
    const n = c.n;
    const J = oracleStepJacobian(k);
    const df = refActivation(c.activation.name).df;
    const printed = Float64Array.from({ length: n * n }, (_, q) => c.W[(q % n) * n + Math.floor(q / n)] * df(x[q % n]));
    const scale = Math.max(...Array.from(J, Math.abs));
    const diff = Math.max(...Array.from(J, (v, q) => Math.abs(v - printed[q])));
    // σ' ≥ 0.07 on [−2, 2] for tanh and sigmoid, and |W_ij − W_ji| ≥ 0.25·max|W|: the forms differ visibly.
    expect(diff / scale).toBeGreaterThan(1e-3);
  });
});
