// The jax-js findings (reports/conformance/jax-js/FINDINGS.md), and which one a failed result of a
// report shows, classified from its counterexample as the known-failure predicates of
// test/jax-js/jaxRun.ts do (test/jax-js/conformance.test.ts checks those predicates against the
// committed reports).
// Shared by conformance-rows.mjs and expectations.mjs.
import { flushedToZero, isTransposeOf } from './findingPredicates.mjs';

/** Finding number → the reason an expectation file gives (reports/conformance/jax-js/FINDINGS.md). */
export const FINDINGS = {
  1: 'jax.jacfwd returns the transposed Jacobian (vmap stacks the JVPs J·e_k as rows; jax-js finding 1, reports/conformance/jax-js/FINDINGS.md)',
  2: 'jax.jacrev seeds its pullback with eye(input size): non-square Jacobians throw or come back m×m (jax-js finding 2, reports/conformance/jax-js/FINDINGS.md)',
  3: 'derivatives of sigmoid, softplus and elu are NaN where exp overflows, 0·∞ in the chain rule, and softplus itself is +∞ there (jax-js finding 3, reports/conformance/jax-js/FINDINGS.md)',
  4: 'wasm float64 transcendental kernels are float32-accurate (jax-js finding 4, reports/conformance/jax-js/FINDINGS.md)',
  5: 'float32 kernels lose accuracy: tanh and elu cancel near 0, softplus at −10, exp range reduction, erfc (jax-js finding 5, reports/conformance/jax-js/FINDINGS.md)',
  6: 'cpu device: float64 tanh cancels and erf is Abramowitz & Stegun 7.1.26; a traced float32 tanh cancels (jax-js finding 6, reports/conformance/jax-js/FINDINGS.md)',
  8: "sigmoid' is 0 below x ≈ −43.7 in float32 (−372 in float64), where it is a normal number: the reciprocal rule −(1/y)²·dy squares sigmoid(x) ≈ e^x, which underflows (jax-js finding 8, reports/conformance/jax-js/FINDINGS.md)",
};

/** The finding a failed result shows, or '?' (which the conformance test would have rejected). */
export function finding(x) {
  const f = x.counterexample.failure;
  const d = f.diagnosis?.id;
  if (x.counterexample.case.activation?.name === 'sigmoid' && flushedToZero(f, x.target.dtype)) return 8;
  if (d === 'transposed-jacobian' || d === 'transpose-W') return 1;
  // On a kink the transposed form is loose and names nothing (RJS-DIAG-1): jacfwd's values are still Jᵀ's.
  if (/jacfwd/.test(x.target.variant ?? '') && f.kind === 'mismatch' && isTransposeOf(f.actual, f.expected, f.tolerance)) return 1;
  if (x.property === 'input-jacobian' && (f.kind === 'shape' || f.kind === 'wrong-shape' || f.kind === 'threw')) return 2;
  if (f.kind === 'non-finite') return 3;
  if (d === 'inaccurate' || d === 'reduced-precision') {
    if (x.target.backend === 'wasm') return x.target.dtype === 'float64' ? 4 : 5;
    if (x.target.backend === 'cpu') return 6;
    return 5;
  }
  return '?';
}
