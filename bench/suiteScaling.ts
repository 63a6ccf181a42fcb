/**
 * The suite's own cost per one-step case as n grows (RJS-GEN, RJS-TOL): generating the case, its
 * expected value with its error bound, and the comparison, without any adapter. The target is O(n²).
 * @packageDocumentation
 */
import { stepCase } from '../src/arbitrary/stepCase.js';
import { compare } from '../src/check/compare.js';
import { ACTIVATION_NAMES, FORMS } from '../src/contract.js';
import { expectedStepJacobian } from '../src/model/expected.js';
import { caseRandom } from '../src/runner/caseRandom.js';

/** ms per case at one n. */
export interface ScalingCell {
  readonly n: number;
  readonly msPerCase: number;
  readonly cases: number;
}

/** Measures the suite's work per float32 step case at each n, over at least `minMs` per size. */
export function suiteScaling(sizes: readonly number[], minMs = 1000): ScalingCell[] {
  return sizes.map((n) => {
    const arb = stepCase({ minN: n, maxN: n, maxM: 8, maxT: 1, dtype: 'float32', forms: FORMS, activations: ACTIVATION_NAMES });
    let cases = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < minMs || cases < 5) {
      const c = arb.generate(caseRandom(1, cases)).value;
      const e = expectedStepJacobian(c);
      compare(e, e.v, 'J');
      cases++;
    }
    return { n, msPerCase: (performance.now() - t0) / cases, cases };
  });
}

/** The exponent k of a fit t ∝ n^k between the first and last size. */
export function growthExponent(cells: readonly ScalingCell[]): number {
  const a = cells[0];
  const b = cells[cells.length - 1];
  return Math.log(b.msPerCase / a.msPerCase) / Math.log(b.n / a.n);
}
