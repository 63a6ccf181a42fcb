/**
 * onnxruntime-node 1.30's documented findings (reports/conformance/onnxruntime/FINDINGS.md, findings 1 to 6), one predicate
 * each: the provider, variant, activation, the region of σ's arguments, the failure kind and the
 * diagnosis that finding shows. The tests assert that every failure of a run is one of them, so a new
 * failure, or a known one somewhere else, shows.
 * @packageDocumentation
 */
import {
  accuracyLoss,
  evaluatesCancellation,
  evaluatesWgslExpTail,
  flushedToZero,
  loneEntry,
  loneInaccurateEntry,
  type SigmaCase,
  sigmaArguments,
  sigmaEvaluatedIn,
  slightlyOff,
} from '../../scripts/findingPredicates.mjs';
import type { PropertyResult } from '../../src/result.js';

/** The counterexample's case, for the region tests. */
function caseOf(r: PropertyResult): SigmaCase | undefined {
  return r.counterexample?.case as unknown as SigmaCase | undefined;
}

/** ln of float32's largest number: eˣ overflows past it. */
const LN_FLT_MAX = Math.log(3.4028234663852886e38);

/**
 * Below this argument an absolute error of u is past RJS-TOL's 8u relative: against σ(x) ≈ eˣ (sigmoid),
 * or log1p(eˣ) ≈ eˣ (softplus), it is u·e⁻ˣ relative, 8u at x = −ln 8 ≈ −2.1.
 */
const ABSOLUTE_ACCURACY_LIMIT = -2;

/**
 * Finding 1: the cpu provider's Sigmoid is accurate in absolute, not relative, terms, and computes
 * 1 − 1/(1 + eˣ), which is exactly 0 once eˣ < u (x < ln u: −16.6 in float32, −36.7 in float64), where
 * the true value is a normal number. It shows through sigmoid, and through softplus's derivative,
 * which the gradient graph takes as Sigmoid (not in the `forward` states, whose Softplus op is right).
 * A failure is this one when the case evaluates σ below {@link ABSOLUTE_ACCURACY_LIMIT} and the values
 * are slightly off (an inaccuracy, whichever form the diagnosis names: sigmoid and softplus agree to
 * 10⁻⁴ at x = −11, so σ there can match "σ used for σ'") or diagnosed as lost accuracy; or when every
 * wrong entry is 0 where a tiny value is expected and σ is evaluated below ln u (on the shrunk
 * forward case a wrong form, Wᵀ, happens to give 0 as well).
 */
export function isCpuSigmoidAbsoluteAccuracy(r: PropertyResult): boolean {
  const c = caseOf(r);
  const f = r.counterexample?.failure;
  if (r.target.backend === 'webgpu' || c === undefined || !['gradient-graph', 'finite-difference'].includes(r.target.variant ?? '')) return false;
  const act = c.activation.name;
  const throughSigmoid = act === 'sigmoid' || (act === 'softplus' && r.target.variant === 'gradient-graph' && r.property !== 'forward');
  if (!throughSigmoid) return false;
  const lnU = Math.log(r.target.dtype === 'float32' ? 2 ** -24 : 2 ** -53);
  if (flushedToZero(f, r.target.dtype)) return sigmaEvaluatedIn(c, -Infinity, lnU);
  return (accuracyLoss(f) || slightlyOff(f)) && sigmaEvaluatedIn(c, -Infinity, ABSOLUTE_ACCURACY_LIMIT);
}

/**
 * Finding 2: a float64 LeakyRelu uses alpha rounded to float32 (an ONNX float attribute), a relative
 * error of about 4·10⁻⁸: a float64 failure diagnosed as lost accuracy, of a leakyRelu case that takes
 * the negative branch (or its kink at 0).
 */
export function isFloat32LeakyReluAlpha(r: PropertyResult): boolean {
  const c = caseOf(r);
  return r.target.dtype === 'float64' && c?.activation.name === 'leakyRelu' && accuracyLoss(r.counterexample?.failure) && sigmaEvaluatedIn(c, -Infinity, 0);
}

/**
 * Finding 3: Elu computes eˣ − 1, which cancels near 0 (cpu and webgpu): lost accuracy, with an elu
 * argument just below 0. The shrunk BPTT case (n = 1, T = 1) has one ∂L/∂W entry, read as `unknown`
 * (RJS-DIAG-3), however far off the cancellation puts it.
 */
export function isEluCancellation(r: PropertyResult): boolean {
  const c = caseOf(r);
  const f = r.counterexample?.failure;
  const loneGradient = r.property === 'parameter-gradients' && loneEntry(f);
  return r.target.variant !== 'rnn-op' && c?.activation.name === 'elu' && (accuracyLoss(f) || loneGradient) && evaluatesCancellation(c);
}

/**
 * Finding 4, tanh: the RNN op's own tanh is accurate only in absolute terms (7,604,260 roundoffs at
 * 1.6·10⁻⁷), and for tiny pre-activations its output does not change at all, so its central
 * differences are 0 where a small value is expected, a result no wrong form describes (`unknown`).
 * A failure of rnn-op with a tanh argument near 0 that is lost accuracy, slightly off, or flushed to 0.
 */
export function isRnnOpTanhNearZero(r: PropertyResult): boolean {
  const c = caseOf(r);
  const f = r.counterexample?.failure;
  return (
    r.target.variant === 'rnn-op' &&
    c?.activation.name === 'tanh' &&
    evaluatesCancellation(c) &&
    (accuracyLoss(f) || slightlyOff(f) || flushedToZero(f, r.target.dtype))
  );
}

/**
 * Finding 4, softplus: the RNN op's softplus is log(1 + eˣ) in float32: 1 + eˣ keeps eˣ only to an
 * absolute u (off by 20,757 roundoffs at −10, 0 at −20), and it is +Infinity past ln(FLT_MAX) ≈ 88.72,
 * where the states become non-finite and their central differences NaN. A failure of rnn-op with
 * softplus that is lost accuracy (slightly off, or flushed to 0) with an argument below
 * {@link ABSOLUTE_ACCURACY_LIMIT}, or non-finite with an argument past the overflow point (less a
 * margin for the central difference's step).
 */
export function isRnnOpSoftplus(r: PropertyResult): boolean {
  const c = caseOf(r);
  const f = r.counterexample?.failure;
  if (r.target.variant !== 'rnn-op' || c?.activation.name !== 'softplus' || f === undefined) return false;
  if (f.kind === 'non-finite') return sigmaArguments(c).some((a) => !(a < LN_FLT_MAX - 2 ** -4));
  return (accuracyLoss(f) || slightlyOff(f) || flushedToZero(f, r.target.dtype)) && sigmaEvaluatedIn(c, -Infinity, ABSOLUTE_ACCURACY_LIMIT);
}

/**
 * Findings 5 and 6 (and finding 3 on this provider), on WebGPU (Dawn on lavapipe): its Tanh cancels
 * near 0, its Elu likewise, and where a shader evaluates exp past WGSL's accuracy (sigmoid, softplus
 * and its derivative sigmoid, off by 20,757 roundoffs at −10 and about 15 at −21 to −31) the values
 * lose accuracy. A webgpu failure diagnosed as lost accuracy with an argument in one of those regions.
 */
export function isWebgpuAccuracyLoss(r: PropertyResult): boolean {
  const c = caseOf(r);
  if (r.target.backend !== 'webgpu' || c === undefined) return false;
  const f = r.counterexample?.failure;
  // Finding 5's shrunk BPTT case is tfjs's (n = 1, T = 1, tanh near 0): one ∂L/∂W entry, 0.1 % off, too far
  // off for RJS-DIAG to call a lone entry reduced precision, so it is `unknown` there, and only there.
  const loneTanhGradient = r.property === 'parameter-gradients' && c.activation.name === 'tanh' && loneInaccurateEntry(f);
  return (accuracyLoss(f) || loneTanhGradient) && (evaluatesCancellation(c) || evaluatesWgslExpTail(c, r.property));
}

/** Every documented ONNX Runtime failure. */
export const KNOWN_FAILURES = [
  isCpuSigmoidAbsoluteAccuracy,
  isFloat32LeakyReluAlpha,
  isEluCancellation,
  isRnnOpTanhNearZero,
  isRnnOpSoftplus,
  isWebgpuAccuracyLoss,
];

/** The failures of results that are none of `known` (each as a line for the assertion message). */
export function unexpectedFailures(results: readonly PropertyResult[], known: readonly ((r: PropertyResult) => boolean)[] = KNOWN_FAILURES): string[] {
  return results
    .filter((x) => x.verdict === 'fail' && !known.some((k) => k(x)))
    .map(
      (x) =>
        `${x.property} ${x.target.variant} ${x.target.dtype}: ${x.counterexample?.failure.summary ?? ''} [${x.counterexample?.failure.diagnosis?.id ?? '-'}]`,
    );
}
