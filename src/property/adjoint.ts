import { gammaK } from '../bound/bounded.js';
import { adjointCase, type AdjointCase } from '../arbitrary/adjointCase.js';
import { CaseFailure } from '../check/caseFailure.js';
import { compare } from '../check/compare.js';
import { stepJacobianForms } from '../diagnosis/stepForms.js';
import { productForms } from '../diagnosis/vectorForms.js';
import { parameterFamilies } from '../diagnosis/parameterFamilies.js';
import { expectedJvp, expectedStepJacobian, expectedVjp } from '../model/expected.js';
import { unitRoundoff } from '../model/precision.js';
import { callArray, shapeOf } from './call.js';
import { missing, notForFiniteDifference, offers, type Property } from './property.js';
import { matrixData, verify } from './verify.js';

export type { AdjointCase } from '../arbitrary/adjointCase.js';

function dot(a: ArrayLike<number>, b: ArrayLike<number>, abs = false): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += abs ? Math.abs(a[i] * b[i]) : a[i] * b[i];
  return s;
}

/**
 * RJS-ADJ: the VJP Jᵀ·v and the JVP J·w each entry by entry against their expected values (the JVP
 * through the step Jacobian, checked as RJS-STEP, when the adapter has no JVP), and the dot-product
 * identity ⟨v, J·w⟩ = ⟨Jᵀ·v, w⟩ between them. Checking the values, not only the identity, is what
 * catches a VJP and a JVP that are wrong consistently (both transposed, both zero).
 */
export const adjoint: Property<AdjointCase> = {
  id: 'adjoint',
  notApplicable: (a, c) => {
    const noVjp = missing(a, c.scope, 'vjp');
    // Say so where a JVP is offered: no property checks it without a VJP to pair it with.
    if (noVjp !== undefined) return offers(a, c.scope, 'jvp') ? `${noVjp}; its jvp is therefore not checked (RJS-ADJ pairs it with a VJP)` : noVjp;
    return notForFiniteDifference(a, c.scope, 'jvp');
  },
  arbitrary: (c) => adjointCase(c),
  async check(c, env) {
    const { v, w, ...step } = c;
    const withJvp = offers(env.adapter, env.scope, 'jvp');
    const vjpCall = callArray(env, 'vjp', step, shapeOf('Jᵀ·v', c.n, 1), v);
    const jvpCall = withJvp ? callArray(env, 'jvp', step, shapeOf('J·w', c.n, 1), w) : callArray(env, 'stepJacobian', step, shapeOf('∂x_t/∂x_{t-1}', c.n, c.n));
    const eVjp = expectedVjp(c, v);
    const eJvp = expectedJvp(c, w);
    const vjp = await vjpCall;
    const second = await jvpCall;
    // Each product against its own expected value first: the diagnosis then names the side that is wrong.
    let ratio = verify(eVjp, vjp, 'Jᵀ·v', c.dtype, () => [
      ...productForms(c, v, 'vjp'),
      ...parameterFamilies(step, (k) => expectedVjp(k, v), { scaled: eVjp }),
    ]);
    let jw: Float64Array;
    if (withJvp) {
      jw = second;
      ratio = Math.max(
        ratio,
        verify(eJvp, jw, 'J·w', c.dtype, () => [...productForms(c, w, 'jvp'), ...parameterFamilies(step, (k) => expectedJvp(k, w), { scaled: eJvp })]),
      );
    } else {
      ratio = Math.max(
        ratio,
        verify(expectedStepJacobian(c), second, '∂x_t/∂x_{t-1}', c.dtype, () => [...stepJacobianForms(c), ...parameterFamilies(step, expectedStepJacobian)]),
      );
      jw = Float64Array.from({ length: c.n }, (_, i) => dot(second.subarray(i * c.n, (i + 1) * c.n), w));
    }
    const lhs = dot(v, jw);
    const rhs = dot(vjp, w);
    const tol = dot(v.map(Math.abs), eJvp.e) + dot(w.map(Math.abs), eVjp.e) + gammaK(c.n, unitRoundoff('float64')) * (dot(v, jw, true) + dot(vjp, w, true));
    const err = Math.abs(lhs - rhs);
    const identity = err === 0 ? 0 : err / tol;
    if (identity <= 1) return Math.max(ratio, identity);
    // Both products within their bounds yet the identity fails: the bounds are too loose to see it.
    const worse = compare(eVjp, vjp, 'Jᵀ·v').maxRatio >= compare(eJvp, jw, 'J·w').maxRatio;
    throw new CaseFailure({
      kind: 'mismatch',
      quantity: '⟨v, J·w⟩ − ⟨Jᵀ·v, w⟩',
      summary: `⟨v, J·w⟩ = ${lhs} but ⟨Jᵀ·v, w⟩ = ${rhs}: difference ${err.toPrecision(3)} > tolerance ${tol.toPrecision(3)}, though each product is within its own bound`,
      expected: matrixData(c.n, 1, worse ? eVjp.v : eJvp.v),
      actual: matrixData(c.n, 1, worse ? vjp : jw),
      tolerance: matrixData(c.n, 1, worse ? eVjp.e : eJvp.e),
      worst: { quantity: '⟨v, J·w⟩ − ⟨Jᵀ·v, w⟩', row: 0, col: 0, expected: lhs, actual: rhs, error: err, tolerance: tol },
    });
  },
};
