// The ONNX Runtime findings (reports/conformance/onnxruntime/FINDINGS.md), and which one a failed
// result of a report shows (scripts/expectations.mjs). The value tests mirror those of test/onnxruntime/adapter.test.ts.
import { flushedToZero, slightlyOff } from './findingPredicates.mjs';

/** Finding number → the reason an expectation file gives (reports/conformance/onnxruntime/FINDINGS.md). */
export const FINDINGS = {
  1: "the cpu provider's Sigmoid (also softplus's derivative in the VJP rules) is accurate in absolute, not relative, terms, and exactly 0 below −18 in float32 and below −36.7 in float64, where the true value is a normal number (ONNX Runtime finding 1, reports/conformance/onnxruntime/FINDINGS.md; scripts/onnxruntime-overflow-repros.mjs)",
  2: 'LeakyRelu in float64 uses alpha rounded to float32: ONNX stores the attribute as a 32-bit float (ONNX Runtime finding 2, reports/conformance/onnxruntime/FINDINGS.md)',
  3: 'Elu cancels near 0 (ONNX Runtime finding 3, reports/conformance/onnxruntime/FINDINGS.md)',
  4: "the RNN op's own activations are less accurate than the standalone ops: its tanh is accurate only in absolute terms, and its softplus is log(1 + e^x) in float32, +Infinity above 88.72 (ONNX Runtime finding 4, reports/conformance/onnxruntime/FINDINGS.md; scripts/onnxruntime-overflow-repros.mjs)",
  5: "the WebGPU provider's Tanh cancels near 0 (ONNX Runtime finding 5, reports/conformance/onnxruntime/FINDINGS.md)",
  6: "on WebGPU (Dawn on lavapipe) sigmoid, softplus's derivative, is off by about 15 roundoffs at x ≈ −21 to −31, where the shader exp loses accuracy (WGSL allows exp 3 + 2·|x| ulps); tfjs on the same platform shows the same (ONNX Runtime finding 6, reports/conformance/onnxruntime/FINDINGS.md)",
};

const ACCURACY = ['inaccurate', 'reduced-precision', 'unknown'];

/** The finding a failed result shows, or '?'. */
export function finding(x) {
  const f = x.counterexample.failure;
  const act = x.counterexample.case.activation?.name;
  if (x.target.variant === 'rnn-op') {
    // The op's softplus overflows past 88.72: +Infinity in the states, NaN or ±Infinity in their differences.
    if (f.kind === 'non-finite' && act === 'softplus') return 4;
    return f.kind === 'mismatch' && ACCURACY.includes(f.diagnosis?.id) ? 4 : '?';
  }
  const throughSigmoid = act === 'sigmoid' || (act === 'softplus' && x.property !== 'forward');
  if (x.target.backend !== 'webgpu' && throughSigmoid && (flushedToZero(f, x.target.dtype) || slightlyOff(f))) return 1;
  if (f.kind !== 'mismatch' || !ACCURACY.includes(f.diagnosis?.id)) return '?';
  if (x.target.backend === 'webgpu') return act === 'tanh' ? 5 : act === 'softplus' || act === 'sigmoid' ? 6 : act === 'elu' ? 3 : '?';
  if (act === 'sigmoid' || act === 'softplus') return 1;
  if (act === 'leakyRelu' && x.target.dtype === 'float64') return 2;
  if (act === 'elu') return 3;
  return '?';
}
