/**
 * Mutants of activation kernels as real backends write them: formulas that cancel near 0, an alpha
 * slightly off, a relu that leaks, an input derivative left out, a softplus cut to x past a threshold.
 * @packageDocumentation
 */
import { refActivation, type RefActivation } from '../../adapters/reference/functions.js';
import { refModel } from '../../adapters/reference/recurrence.js';
import type { Dtype } from '../../src/contract.js';
import { mutate, type Mutant } from './mutant.js';
import { withActivation } from './withActivation.js';

const rounding = (dtype: Dtype): ((x: number) => number) => (dtype === 'float32' ? Math.fround : (x) => x);

/** tanh as sign(x)·(1 − e^(−2|x|))/(1 + e^(−2|x|)), each operation in the dtype; σ' = 1 − σ² from it. */
function cancellingTanh(dtype: Dtype): RefActivation {
  const rd = rounding(dtype);
  const f = (x: number): number => {
    const e = rd(Math.exp(rd(-2 * Math.abs(x))));
    return Math.sign(x) * rd(rd(1 - e) / rd(1 + e));
  };
  return { f, df: (x) => rd(1 - rd(f(x) * f(x))) };
}

/** elu with alpha·(eˣ − 1) in place of alpha·expm1(x), each operation in the dtype; σ' unchanged. */
function cancellingElu(alpha: number, dtype: Dtype): RefActivation {
  const rd = rounding(dtype);
  return { f: (x) => (x >= 0 ? x : rd(alpha * rd(rd(Math.exp(x)) - 1))), df: refActivation('elu', alpha).df };
}

/** σ' computed with alpha as a graph attribute written with two decimals holds it; σ unchanged. */
function twoDecimalAlpha(name: string, alpha: number): RefActivation {
  return { f: refActivation(name, alpha).f, df: refActivation(name, Number(alpha.toFixed(2))).df };
}

/** Where PyTorch's and tfjs's softplus switch to x (PyTorch's default threshold). */
const SOFTPLUS_THRESHOLD = 20;

/** softplus as x itself above {@link SOFTPLUS_THRESHOLD}, with slope 1 there; the exact softplus below. */
function thresholdedSoftplus(): RefActivation {
  const exact = refActivation('softplus');
  return { f: (x) => (x > SOFTPLUS_THRESHOLD ? x : exact.f(x)), df: (x) => (x > SOFTPLUS_THRESHOLD ? 1 : exact.df(x)) };
}

/** Slope of relu for x < 0 in the leaking-relu mutant. */
const LEAK = 0.001;

/** Activation-kernel mutants. */
export const activationMutants: readonly Mutant[] = [
  {
    id: 'tanh-cancels-near-0',
    description:
      "tanh is computed as sign(x)·(1 − e^(−2|x|))/(1 + e^(−2|x|)), which cancels for small |x| (48.6 float32 roundoffs at 0.001, 54.7 float64 ones); σ' = 1 − tanh² from its output",
    create: withActivation('tanh-cancels-near-0', (c) => (c.activation.name === 'tanh' ? cancellingTanh(c.dtype) : undefined)),
    killedBy: ['parameter-gradients'],
    diagnosis: 'inaccurate',
    shrunkN: 1,
    dtype: 'float32',
  },
  {
    id: 'elu-exp-minus-one',
    description: 'elu computes alpha·(exp(x) − 1.0) instead of alpha·expm1(x), which cancels for x just below 0',
    create: withActivation('elu-exp-minus-one', (c) => (c.activation.name === 'elu' ? cancellingElu(c.activation.alpha ?? 1, c.dtype) : undefined)),
    killedBy: ['forward', 'parameter-gradients'],
    diagnosis: 'inaccurate',
  },
  {
    id: 'alpha-two-decimals',
    description:
      "leakyRelu' and elu' use alpha as the exported graph's attribute holds it, written with two decimals (0.4372 becomes 0.44): off by up to 0.005, about 1 % at alpha ≈ 0.5",
    create: withActivation('alpha-two-decimals', (c) =>
      c.activation.alpha !== undefined ? twoDecimalAlpha(c.activation.name, c.activation.alpha) : undefined,
    ),
    killedBy: ['step-jacobian'],
    diagnosis: 'wrong-alpha',
    dtype: 'float64',
  },
  {
    id: 'relu-leaks',
    description: `relu is lowered to the LeakyRelu kernel with its alpha attribute left at ${LEAK} instead of 0: σ(x) = ${LEAK}·x and σ'(x) = ${LEAK} for x < 0`,
    create: withActivation('relu-leaks', (c) => (c.activation.name === 'relu' ? refActivation('leakyRelu', LEAK) : undefined)),
    killedBy: ['step-jacobian'],
    diagnosis: 'wrong-slope',
    dtype: 'float64',
  },
  {
    id: 'sigma-input-derivative-missing',
    description: "pascanu-sigma-input: the input Jacobian is returned as U, without σ'(u_t) (the input's activation left off the tape)",
    create: mutate('sigma-input-derivative-missing', (ref) => ({
      inputJacobian: (c) => (c.form === 'pascanu-sigma-input' ? c.U.map(refModel(c).rd) : ref.inputJacobian!(c)),
    })),
    killedBy: ['input-jacobian'],
    diagnosis: 'no-activation-derivative',
    shrunkN: 1,
    dtype: 'float64',
  },
  {
    id: 'softplus-threshold',
    description:
      "softplus switches to x above 20, as PyTorch's (threshold = 20) and tfjs's do: σ(x) = x and σ'(x) = 1 there, relative errors up to e^−20 ≈ 2·10⁻⁹ that float32 rounds away and float64 does not",
    create: withActivation('softplus-threshold', (c) => (c.activation.name === 'softplus' ? thresholdedSoftplus() : undefined)),
    killedBy: ['step-jacobian', 'forward'],
    diagnosis: 'inaccurate',
    dtype: 'float64',
    gap: {
      note: "the entries one wrong σ'(x_j) spoils share one relative error: shrunk to a single such entry it reads as inaccurate, but with two or more RJS-DIAG-3 reads it as reduced-precision (a narrower format), whose errors would differ from entry to entry",
      diagnosis: 'reduced-precision',
    },
  },
];
