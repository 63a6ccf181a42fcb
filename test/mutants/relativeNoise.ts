/**
 * Uniform relative noise on an adapter's results: every returned entry x becomes x·(1 + ε·s), with
 * ε a multiple of the dtype's unit roundoff and s = ±1 taken from a hash of the entry's bits and
 * position, so that a case always gets the same signs (no Math.random) and the signs do not depend on ε.
 * @packageDocumentation
 */
import type { Adapter, Dtype, NumericArray, ParameterGradients } from '../../src/contract.js';
import { unitRoundoff } from '../../src/model/precision.js';
import { reference } from './mutant.js';

const bits = new DataView(new ArrayBuffer(8));

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The sign s = ±1 of entry `index` with value `x`: a hash of both. */
export function noiseSign(x: number, index: number): 1 | -1 {
  bits.setFloat64(0, x);
  const h = mix(mix(bits.getUint32(0) ^ mix(index + 0x9e3779b9)) ^ bits.getUint32(4));
  return (h & 1) === 0 ? 1 : -1;
}

/**
 * Every entry times (1 + units·u_dtype·s), rounded to the dtype (a float32 framework returns float32
 * values). Zeros stay zero: the error is relative.
 */
export function perturb(values: NumericArray, units: number, dtype: Dtype): Float64Array {
  const eps = units * unitRoundoff(dtype);
  const rd = dtype === 'float32' ? Math.fround : (x: number) => x;
  return Float64Array.from(values, (x, i) => rd(x * (1 + eps * noiseSign(x, i))));
}

/**
 * The reference adapter with every result perturbed by {@link perturb} at `units` roundoffs of the
 * case's dtype, computing in `dtypes`. Each property checks its own members, so one adapter serves all.
 */
export function noisyReference(name: string, units: number, dtypes: readonly Dtype[] = ['float64', 'float32']): Adapter {
  const ref = reference();
  const p = (values: NumericArray, dtype: Dtype): Float64Array => perturb(values, units, dtype);
  return {
    ...ref,
    name,
    dtypes,
    stepJacobian: async (c) => p(await ref.stepJacobian(c), c.dtype),
    inputJacobian: async (c) => p(await ref.inputJacobian!(c), c.dtype),
    sequenceJacobian: async (c) => p(await ref.sequenceJacobian!(c), c.dtype),
    vjp: async (c, v) => p(await ref.vjp!(c, v), c.dtype),
    jvp: async (c, w) => p(await ref.jvp!(c, w), c.dtype),
    forward: async (c) => p(await ref.forward!(c), c.dtype),
    parameterGradients: async (c): Promise<ParameterGradients> => {
      const g = await ref.parameterGradients!(c);
      return { W: p(g.W, c.dtype), U: p(g.U, c.dtype), b: p(g.b, c.dtype), x0: p(g.x0, c.dtype) };
    },
  };
}
