/**
 * The built runner computes the expected values of sequence and loss cases on a worker thread
 * (src/model/offloadExpected.ts); they must be bit for bit those computed in the thread itself, or a
 * report would change with where its numbers were computed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bounded } from '../../src/bound/bounded.js';
import { lossCase, sequenceCase } from '../../src/arbitrary/sequenceCase.js';
import type { CaseConstraints } from '../../src/arbitrary/caseConstraints.js';
import { expectedParameterGradients, expectedSequenceJacobian } from '../../src/model/expected.js';
import { caseRandom } from '../../src/runner/caseRandom.js';
import { ensureBuilt, ROOT } from '../cli/harness.js';

type Offload = typeof import('../../src/model/offloadExpected.js');

const constraints = (dtype: 'float32' | 'float64'): CaseConstraints => ({
  maxN: 24,
  maxT: 8,
  maxM: 4,
  dtype,
  forms: ['pascanu', 'pascanu-sigma-input', 'elman'],
  activations: ['tanh', 'sigmoid', 'relu', 'softplus', 'elu', 'gelu'],
  scope: undefined,
});

/** Every bit of two bounded values alike (Object.is on each entry: −0 and NaN included). */
function sameBits(a: Bounded, b: Bounded): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols || !Object.is(a.s, b.s) || !Object.is(a.f, b.f)) return false;
  return a.v.every((x, i) => Object.is(x, b.v[i])) && a.e.every((x, i) => Object.is(x, b.e[i]));
}

describe('expected values computed off the thread', () => {
  let built: Offload;
  beforeAll(async () => {
    ensureBuilt();
    built = (await import(`${ROOT}/dist/src/model/offloadExpected.js`)) as Offload;
  }, 200_000);

  for (const dtype of ['float64', 'float32'] as const) {
    it(`sequence Jacobians and BPTT gradients are bit for bit the thread's (${dtype}, 40 cases each)`, async () => {
      const seq = sequenceCase(constraints(dtype));
      const loss = lossCase(constraints(dtype));
      for (let k = 0; k < 40; k++) {
        const s = seq.generate(caseRandom(7, k)).value;
        expect(sameBits(await built.expectedSequenceJacobianOffThread(s), expectedSequenceJacobian(s)), `sequence case ${k}`).toBe(true);
        const l = loss.generate(caseRandom(8, k)).value;
        const off = await built.expectedParameterGradientsOffThread(l);
        const here = expectedParameterGradients(l);
        for (const f of ['W', 'U', 'b', 'x0'] as const) expect(sameBits(off[f], here[f]), `loss case ${k}, ∂L/∂${f}`).toBe(true);
      }
    });
  }
});
