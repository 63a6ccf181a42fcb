/**
 * The tfjs module type and small tensor helpers shared by the variants.
 */
import type * as tfjs from '@tensorflow/tfjs';

/** The `@tensorflow/tfjs` namespace, as loaded (the user's installed version). */
export type Tf = typeof tfjs;
/** A tfjs tensor. */
export type Tensor = tfjs.Tensor;

/** A float32 tensor of `shape` from float64 values (exactly representable in float32, RJS-GEN). */
export function f32(tf: Tf, values: ArrayLike<number>, shape: number[]): Tensor {
  return tf.tensor(Float32Array.from(values), shape, 'float32');
}

/** `rows` copies of a length-d vector: the batch that gives a whole Jacobian in one backward pass. */
export function tiled(tf: Tf, v: ArrayLike<number>, rows: number): Tensor {
  const out = new Float32Array(rows * v.length);
  for (let r = 0; r < rows; r++) out.set(Float32Array.from(v), r * v.length);
  return tf.tensor(out, [rows, v.length], 'float32');
}

/**
 * Runs `f` in a tidy scope, downloads its result and disposes it. Reading is asynchronous because
 * the webgpu backend has no cheap synchronous download.
 */
export async function read(tf: Tf, f: () => Tensor): Promise<Float32Array> {
  const t = tf.tidy(f);
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** Like {@link read} for several tensors. */
export async function readAll(tf: Tf, f: () => Tensor[]): Promise<Float32Array[]> {
  const ts = tf.tidy(f);
  try {
    return (await Promise.all(ts.map((t) => t.data()))) as Float32Array[];
  } finally {
    tf.dispose(ts);
  }
}
