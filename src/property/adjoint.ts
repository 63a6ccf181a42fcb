import { gammaK } from '../bound/bounded.js';
import { adjointCase, type AdjointCase } from '../arbitrary/adjointCase.js';
import { CaseFailure } from '../check/caseFailure.js';
import { toFloat64 } from '../check/toFloat64.js';
import { diagnose } from '../diagnosis/diagnose.js';
import { productForms } from '../diagnosis/vectorForms.js';
import { expectedJvp, expectedVjp } from '../model/expected.js';
import { compare } from '../check/compare.js';
import { unitRoundoff } from '../model/precision.js';
import { missing, notForFiniteDifference, offers, type Property } from './property.js';
import { matrixData } from './verify.js';

export type { AdjointCase } from '../arbitrary/adjointCase.js';

function dot(a: ArrayLike<number>, b: ArrayLike<number>, abs = false): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += abs ? Math.abs(a[i] * b[i]) : a[i] * b[i];
  return s;
}

/**
 * RJS-ADJ: ⟨v, J·w⟩ = ⟨Jᵀ·v, w⟩, with Jᵀ·v from the adapter's VJP and J·w from its JVP (or from its
 * step Jacobian, unless that is a central difference: RJS-TOL-FD). Tolerance: each product's bound
 * carried through the dot product, plus γ_n(u_float64) of the absolute dot products for our own sums.
 */
export const adjoint: Property<AdjointCase> = {
  id: 'adjoint',
  notApplicable: (a, c) => missing(a, c.scope, 'vjp') ?? notForFiniteDifference(a, c.scope, 'jvp'),
  arbitrary: (c) => adjointCase(c),
  async check(c, env) {
    const a = env.adapter;
    const kase = { ...c, variant: env.variant };
    const vjp = toFloat64(await env.call('vjp', () => a.vjp!(kase, c.v)), c.n, 'Jᵀ·v', `a vector of ${c.n}`);
    let jw: Float64Array;
    if (offers(a, env.scope, 'jvp')) {
      jw = toFloat64(await env.call('jvp', () => a.jvp!(kase, c.w)), c.n, 'J·w', `a vector of ${c.n}`);
    } else {
      const J = toFloat64(await env.call('stepJacobian', () => a.stepJacobian(kase)), c.n * c.n, '∂x_t/∂x_{t-1}', `${c.n}×${c.n}`);
      jw = Float64Array.from({ length: c.n }, (_, i) => dot(J.subarray(i * c.n, (i + 1) * c.n), c.w));
    }
    const eJvp = expectedJvp(c, c.w);
    const eVjp = expectedVjp(c, c.v);
    const lhs = dot(c.v, jw);
    const rhs = dot(vjp, c.w);
    const absV = c.v.map(Math.abs);
    const absW = c.w.map(Math.abs);
    const tol = dot(absV, eJvp.e) + dot(absW, eVjp.e) + gammaK(c.n, unitRoundoff('float64')) * (dot(c.v, jw, true) + dot(vjp, c.w, true));
    const err = Math.abs(lhs - rhs);
    const ratio = err === 0 ? 0 : err / tol;
    if (ratio <= 1) return ratio;
    // Which side is wrong: compare each product with its expected value, then diagnose that one.
    const vjpBad = compare(eVjp, vjp, 'Jᵀ·v').maxRatio > 1;
    const diagnosis = vjpBad ? diagnose(productForms(c, c.v, 'vjp'), eVjp, vjp, c.dtype) : diagnose(productForms(c, c.w, 'jvp'), eJvp, jw, c.dtype);
    throw new CaseFailure({
      kind: 'mismatch',
      quantity: '⟨v, J·w⟩ − ⟨Jᵀ·v, w⟩',
      summary: `⟨v, J·w⟩ = ${lhs} but ⟨Jᵀ·v, w⟩ = ${rhs}: difference ${err.toPrecision(3)} > tolerance ${tol.toPrecision(3)}; the ${vjpBad ? 'VJP' : 'JVP'} is wrong: ${diagnosis.message}`,
      expected: matrixData(c.n, 1, vjpBad ? eVjp.v : eJvp.v),
      actual: matrixData(c.n, 1, vjpBad ? vjp : jw),
      tolerance: matrixData(c.n, 1, vjpBad ? eVjp.e : eJvp.e),
      worst: { quantity: '⟨v, J·w⟩ − ⟨Jᵀ·v, w⟩', row: 0, col: 0, expected: lhs, actual: rhs, error: err, tolerance: tol },
      diagnosis,
    });
  },
};
