// The README's ONNX Runtime findings, and which one a failed result of a report shows
// (scripts/expectations.mjs).

/** Finding number → the reason an expectation file gives (README, "ONNX Runtime"). */
export const FINDINGS = {
  1: "the cpu provider's Sigmoid (also softplus's derivative in the VJP rules) is accurate in absolute, not relative, terms, and 0 below −18 (README ONNX Runtime finding 1)",
  2: 'LeakyRelu in float64 uses alpha rounded to float32: ONNX stores the attribute as a 32-bit float (README ONNX Runtime finding 2)',
  3: 'Elu cancels near 0 (README ONNX Runtime finding 3)',
  4: "the RNN op's own activations are less accurate than the standalone ops: its tanh is accurate only in absolute terms (README ONNX Runtime finding 4)",
  5: "the WebGPU provider's Tanh cancels near 0 (README ONNX Runtime finding 5)",
};

/** The finding a failed result shows, or '?'. */
export function finding(x) {
  const f = x.counterexample.failure;
  const act = x.counterexample.case.activation?.name;
  if (f.kind !== 'mismatch' || !['inaccurate', 'reduced-precision', 'unknown'].includes(f.diagnosis?.id)) return '?';
  if (x.target.variant === 'rnn-op') return 4;
  if (x.target.backend === 'webgpu') return act === 'tanh' ? 5 : '?';
  if (act === 'sigmoid' || act === 'softplus') return 1;
  if (act === 'leakyRelu' && x.target.dtype === 'float64') return 2;
  if (act === 'elu') return 3;
  return '?';
}
