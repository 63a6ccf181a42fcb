// The tfjs findings (reports/conformance/tfjs/FINDINGS.md), and which one a failed result of a report
// shows (scripts/expectations.mjs).

import { evaluatesCancellation } from './findingPredicates.mjs';

/** Finding number → the reason an expectation file gives (reports/conformance/tfjs/FINDINGS.md). */
export const FINDINGS = {
  1: 'tf.layers.simpleRNN: the gradient of tf.unstack over an axis of length 1 throws ("Argument tensors passed to stack must be a Tensor[]"), so the input of a one-step sequence cannot be differentiated (tfjs finding 1, reports/conformance/tfjs/FINDINGS.md)',
  2: "tfjs-backend-webgpu loses float32 accuracy in elementwise functions: tanh as sign(a)·(1 − e^(−2|a|))/(1 + e^(−2|a|)) and elu as exp(a) − 1.0 cancel near 0, and sigmoid (softplus's derivative) is off by about 15 roundoffs at x ≈ −21 to −31, where the shader exp loses accuracy (tfjs finding 2, reports/conformance/tfjs/FINDINGS.md)",
};

/** The finding a failed result shows, or '?'. */
export function finding(x) {
  const f = x.counterexample.failure;
  if (x.property === 'input-jacobian' && x.target.variant === 'layers' && f.kind === 'threw') return 1;
  if (x.target.backend === 'webgpu' && f.kind === 'mismatch' && ['inaccurate', 'reduced-precision'].includes(f.diagnosis?.id)) return 2;
  // elu as exp(a) − 1.0 cancels just below 0: its relative error there is unbounded, so no closeness test applies.
  if (
    x.target.backend === 'webgpu' &&
    f.kind === 'mismatch' &&
    f.diagnosis?.id === 'unknown' &&
    x.counterexample.case.activation?.name === 'elu' &&
    evaluatesCancellation(x.counterexample.case)
  )
    return 2;
  // A shrunk case with one significant entry is read as `unknown` (RJS-DIAG-3): finding 2 when that entry is right to 2⁻⁸.
  if (
    x.target.backend === 'webgpu' &&
    f.kind === 'mismatch' &&
    f.diagnosis?.id === 'unknown' &&
    f.worst !== undefined &&
    f.worst.expected !== 0 &&
    f.worst.error / Math.abs(f.worst.expected) < 2 ** -8
  )
    return 2;
  return '?';
}
