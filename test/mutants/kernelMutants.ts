/**
 * Mutants of the kind a numerical kernel has: one activation's derivative approximated, a tiled
 * kernel wrong only for large n, a subgradient outside the interval, overflow to NaN, and TF32-like
 * reduced-precision arithmetic.
 * @packageDocumentation
 */
import { tr } from '../../adapters/reference/linalg.js';
import type { Adapter, NumericArray, ParameterGradients } from '../../src/contract.js';
import { mutate, reference, stepOf, withDerivative, type Mutant } from './mutant.js';

const K = Math.sqrt(2 / Math.PI);

/** d/dx of the tanh approximation of gelu, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
function geluTanhDerivative(x: number): number {
  const t = Math.tanh(K * (x + 0.044715 * x ** 3));
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * 0.044715 * x * x);
}

/** Largest finite float16: a half-precision intermediate past it is ±∞. */
const HALF_MAX = 65504;
const half = (v: number): number => (Math.abs(v) > HALF_MAX ? Math.sign(v) * Infinity : v);

/** 1 − (sinh x / cosh x)² with sinh and cosh held in float16: ∞/∞ = NaN once |x| ≳ 11.8. */
function tanhDerivativeHalfIntermediates(x: number): number {
  const t = half(Math.sinh(x)) / half(Math.cosh(x));
  return 1 - t * t;
}

/** Multiplies every entry by 1 + 1e−3·r, r = ±1 from an LCG restarted at every call (reproducible). */
function noisy(values: NumericArray): Float64Array {
  let state = 12115063;
  return Float64Array.from(values, (v) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.fround(v * (1 + 1e-3 * (state & 0x10000 ? 1 : -1)));
  });
}

/** The float32 reference with every returned entry perturbed by {@link noisy}. */
function tf32Noise(): Adapter {
  const ref = reference();
  return {
    ...ref,
    name: 'mutant:tf32-noise',
    dtypes: ['float32'],
    stepJacobian: async (c) => noisy(await ref.stepJacobian(c)),
    inputJacobian: async (c) => noisy(await ref.inputJacobian!(c)),
    sequenceJacobian: async (c) => noisy(await ref.sequenceJacobian!(c)),
    vjp: async (c, v) => noisy(await ref.vjp!(c, v)),
    jvp: async (c, w) => noisy(await ref.jvp!(c, w)),
    forward: async (c) => noisy(await ref.forward!(c)),
    parameterGradients: async (c): Promise<ParameterGradients> => {
      const g = await ref.parameterGradients!(c);
      return { W: noisy(g.W), U: noisy(g.U), b: noisy(g.b), x0: noisy(g.x0) };
    },
  };
}

/** Kernel-level mutants. */
export const kernelMutants: readonly Mutant[] = [
  {
    id: 'one-activation-wrong',
    description: "gelu' is the derivative of gelu's tanh approximation while σ is the exact erf form (approximate='tanh' used in the backward pass only)",
    create: mutate('one-activation-wrong', () => ({
      stepJacobian: (c) => stepOf(c, c.activation.name === 'gelu' ? withDerivative(c, geluTanhDerivative) : undefined).s.J,
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'gelu-tanh-approximation',
    dtype: 'float64',
  },
  {
    id: 'large-n-only',
    description: 'a tiled kernel for n > 16 writes its output tiles transposed; small n takes the untiled path and is correct',
    create: mutate('large-n-only', () => ({
      stepJacobian: (c) => {
        const J = stepOf(c).s.J;
        return c.n > 16 ? tr(J, c.n, c.n) : J;
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'transposed-jacobian',
    shrunkN: 17,
    dtype: 'float64',
  },
  {
    id: 'relu-subgradient-outside',
    description: "relu'(0) = 2: the backward pass of max(x, 0) counts the tie x = 0 on both branches, each with slope 1",
    create: mutate('relu-subgradient-outside', () => ({
      stepJacobian: (c) => stepOf(c, c.activation.name === 'relu' ? withDerivative(c, (x) => (x > 0 ? 1 : x === 0 ? 2 : 0)) : undefined).s.J,
    })),
    killedBy: ['kink-subgradient'],
    dtype: 'float64',
  },
  {
    id: 'nan-in-saturation',
    description: "tanh' = 1 − (sinh x / cosh x)² with half-precision intermediates: both overflow past |x| ≈ 11.8 and ∞/∞ is NaN",
    create: mutate('nan-in-saturation', () => ({
      stepJacobian: (c) => stepOf(c, c.activation.name === 'tanh' ? withDerivative(c, tanhDerivativeHalfIntermediates) : undefined).s.J,
    })),
    killedBy: ['step-jacobian'],
    kind: 'non-finite',
    dtype: 'float64',
  },
  {
    id: 'tf32-noise',
    description: 'float32 promised but the matmuls run in TF32-like arithmetic: every result entry is off by a relative 1e−3',
    create: tf32Noise,
    killedBy: ['step-jacobian'],
    diagnosis: 'reduced-precision',
  },
];
