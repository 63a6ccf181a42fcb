/** Run results for the report tests: every optional member set, and the least a run can hold. */
import type { PropertyResult, RunResult } from '../../src/runner/result.js';

/** Characters every writer must escape or keep intact. */
export const NASTY = `<&>"' |*_\` \u0007`;

/** A failing result with every optional member, including non-finite values. */
function failing(): PropertyResult {
  return {
    property: 'step-jacobian',
    rule: 'RJS-STEP-1',
    title: 'One-step Jacobian',
    target: { adapter: 'tfjs', backend: 'cpu', variant: undefined, dtype: 'float32' },
    verdict: 'fail',
    cases: 17,
    maxRatio: 0.5,
    durationMs: 1234.5,
    counterexample: {
      case: { n: 2, W: [0.5, -1, 2, 0.25], x: [1, -1], activation: { name: 'tanh' }, weird: NaN },
      failure: {
        kind: 'mismatch',
        summary: `∂x_t/∂x_{t-1} differs ${NASTY}`,
        quantity: '∂x_t/∂x_{t-1}',
        expected: { rows: 2, cols: 2, values: [0.209987, -0.419974, 0.839948, 0.104994] },
        actual: { rows: 2, cols: 2, values: [0.209987, 0.839948, -0.419974, Infinity] },
        tolerance: { rows: 2, cols: 2, values: [1e-6, 1e-6, 1e-6, 1e-6] },
        worst: { quantity: '∂x_t/∂x_{t-1}', row: 0, col: 1, expected: -0.419974, actual: 0.839948, error: 1.259922, tolerance: 1e-6 },
        diagnosis: { id: 'transposed-jacobian', message: 'The framework returns the transpose.', formula: 'diag(σ\'(x))·Wᵀ' },
        stack: 'at convertToTensorArray (node_modules/x/tf.node.js:3979:15)\nat stack_ (node_modules/x/tf.node.js:8344:22)',
      },
      seed: -12345,
      path: '3:1:0',
      replay: 'npx rnn-jac-spec --adapter ./a.js --property step-jacobian --seed -12345 --path "3:1:0"',
      failedAfter: 4,
      shrinks: 7,
      shrinkCalls: 23,
      shrinkStopped: 'max-shrinks',
    },
    observations: [`relu'(0) = 0 ${NASTY}`],
  };
}

/** A failing result whose shrunk values are larger than 8×8. */
function failingLarge(): PropertyResult {
  const n = 10;
  const values = Array.from({ length: n * n }, (_, i) => i / 7);
  return {
    property: 'sequence-jacobian',
    rule: 'RJS-SEQ-1',
    title: 'Sequence Jacobian',
    target: { adapter: 'tfjs', backend: undefined, variant: 'jacrev', dtype: 'float64' },
    verdict: 'fail',
    cases: 3,
    maxRatio: NaN,
    durationMs: 20,
    counterexample: {
      case: { n, T: 3 },
      failure: {
        kind: 'non-finite',
        summary: 'NaN in ∂x_T/∂x_0',
        quantity: '∂x_T/∂x_0',
        expected: { rows: n, cols: n, values },
        actual: { rows: n, cols: n, values: values.map(() => NaN) },
      },
      seed: 1,
      path: '0',
      replay: 'npx rnn-jac-spec --seed 1 --path 0',
      failedAfter: 1,
      shrinks: 0,
      shrinkCalls: 0,
    },
  };
}

/** A run with a pass, two failures and a not-applicable result on three targets. */
export function sampleResult(): RunResult {
  const pass: PropertyResult = {
    property: 'input-jacobian',
    rule: 'RJS-IN-1',
    title: 'Input Jacobian',
    target: { adapter: 'tfjs', backend: 'cpu', variant: undefined, dtype: 'float32' },
    verdict: 'pass',
    cases: 100,
    maxRatio: 0.031,
    durationMs: 456,
  };
  const na: PropertyResult = {
    property: 'adjoint',
    rule: 'RJS-ADJ-1',
    title: 'VJP and JVP',
    target: { adapter: 'tfjs', backend: 'cpu', variant: undefined, dtype: 'float32' },
    verdict: 'not-applicable',
    reason: `adapter has no vjp ${NASTY}`,
    cases: 0,
    maxRatio: 0,
    durationMs: 0,
  };
  return {
    reportVersion: 2,
    tool: { name: 'rnn-jac-spec', version: '0.1.0', specVersion: '1.0.0' },
    adapter: {
      spec: './adapters/tfjs.js',
      name: 'tfjs',
      info: { framework: '@tensorflow/tfjs', version: '4.22.0', backend: 'cpu', device: 'CPU', notes: `note ${NASTY}` },
    },
    options: {
      seed: -12345, runs: 100, maxN: 6, maxT: 5, properties: ['step-jacobian', 'input-jacobian'],
      backend: 'cpu', variant: 'jacrev', dtype: 'float32', timeoutMs: 10_000, isolation: 'process', maxShrinks: 1000,
      timeBudgetMs: 600_000, unitTimeBudgetMs: 60_000, opts: { threads: '2' },
    },
    startedAt: '2025-01-02T03:04:05.678Z',
    durationMs: 2500,
    results: [pass, failing(), na, failingLarge()],
    summary: { pass: 1, fail: 2, notApplicable: 1, cases: 120 },
  };
}

/** The least a run can hold: no info, no optional options, one passing result. */
export function minimalResult(): RunResult {
  return {
    reportVersion: 2,
    tool: { name: 'rnn-jac-spec', version: '0.1.0', specVersion: '1.0.0' },
    adapter: { spec: 'x', name: 'x' },
    options: { seed: 0, runs: 1, maxN: 1, maxT: 1, properties: [], timeoutMs: 1000, isolation: 'process' },
    startedAt: '2025-01-02T03:04:05Z',
    durationMs: 1,
    results: [
      {
        property: 'forward', rule: 'RJS-FWD-1', title: 'Forward', verdict: 'pass', cases: 1, maxRatio: 0, durationMs: 1,
        target: { adapter: 'x', backend: undefined, variant: undefined, dtype: 'float64' },
      },
    ],
    summary: { pass: 1, fail: 0, notApplicable: 0, cases: 1 },
  };
}
