/**
 * The `@jax-js/jax` module type, the one Node shim it needs, and array helpers shared by the variants.
 *
 * jax-js manages memory by reference counting with move semantics: every array passed to an
 * operation or a transformation is consumed (its count drops by one), `a.ref` takes one more
 * reference, and `a.data()` consumes the array it reads. Every function in this adapter follows that
 * rule: it consumes each array argument exactly once.
 */
import type * as jaxjs from '@jax-js/jax';
import type { Dtype } from '../../src/contract.js';

/** The `@jax-js/jax` namespace, as loaded (the user's installed version). */
export type Jax = typeof jaxjs;
/** A jax-js array (or a tracer standing for one inside a transformation). */
export type JArray = jaxjs.Array;
/** A jax-js device name. */
export type JaxDevice = jaxjs.Device;

/**
 * Node 20 has no `Float16Array` (Node 24 has it). jax-js's `np.array()` tests
 * `data instanceof Float16Array` before it reaches the `Float64Array` case, so without the global
 * every float64 array fails with a ReferenceError. The stand-in makes that test false and throws if
 * anything constructs it; jax-js constructs one only for the float16 dtype, which this adapter never
 * uses. It changes no computation. A real `Float16Array` is left alone.
 */
export function shimFloat16Array(): void {
  const g = globalThis as { Float16Array?: unknown };
  if (g.Float16Array !== undefined) return;
  g.Float16Array = class Float16ArrayUnavailable {
    constructor() {
      throw new Error('Float16Array is not available in this Node version (rnn-jac-spec stand-in; float16 is not used)');
    }
    static [Symbol.hasInstance](): boolean {
      return false;
    }
  };
}

/** An array of `shape` in `dtype` on `device`, from float64 values exactly representable in the dtype (RJS-CONV-6). */
export function toArray(jax: Jax, values: ArrayLike<number>, shape: number[], dtype: Dtype, device: JaxDevice): JArray {
  const data = dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
  return jax.numpy.array(data, { shape, dtype: dtype as jaxjs.DType, device });
}

/** A 0-d array holding an activation parameter (alpha), so that jit traces it instead of baking it in. */
export function scalar(jax: Jax, value: number, dtype: Dtype, device: JaxDevice): JArray {
  return toArray(jax, [value], [], dtype, device);
}

/** The n×n identity in `dtype`: the batch of basis vectors whose VJPs or JVPs make a Jacobian. */
export function eye(jax: Jax, n: number, dtype: jaxjs.DType): JArray {
  return jax.numpy.eye(n, undefined, { dtype });
}

/** Reads an array's values (consuming it, as `data()` does). */
export async function read(a: JArray): Promise<Float64Array | Float32Array> {
  return (await a.data()) as Float64Array | Float32Array;
}
