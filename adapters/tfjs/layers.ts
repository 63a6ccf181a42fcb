/**
 * The `layers` variant: tfjs's own recurrent layer, `tf.layers.simpleRNN`, differentiated by
 * `tf.variableGrads` (the path tfjs optimizers and `model.fit` take).
 *
 * Convention mapping (this is where users meet the transpose). SimpleRNN stores row-vector weights:
 * `h_t = σ(u_t·K + h_{t-1}·R + b)` with kernel K (m×n) and recurrentKernel R (n×n). The spec's
 * elman form is `h_t = σ(W·h_{t-1} + U·u_t + b)` on column vectors, so the adapter sets
 * K = Uᵀ and R = Wᵀ, and reads ∂L/∂W = (∂L/∂R)ᵀ and ∂L/∂U = (∂L/∂K)ᵀ. Nothing else is mapped.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LossCase, SequenceCase, StepCase } from '../../src/contract.js';
import { LAYER_ACTIVATIONS } from './activation.js';
import { f32, type Tensor, type Tf } from './tfjs.js';
import type { TfjsVariant } from './variant.js';

type Layer = tfjs.layers.Layer;

/** A SimpleRNN holding the case's weights (K = Uᵀ, R = Wᵀ, b), built for inputs of width m. */
function simpleRNN(tf: Tf, c: StepCase | SequenceCase): Layer {
  const activation = LAYER_ACTIVATIONS[c.activation.name];
  if (activation === undefined) throw new Error(`tfjs SimpleRNN has no activation '${c.activation.name}' by name`);
  const layer = tf.layers.simpleRNN({
    units: c.n,
    activation: activation as 'tanh',
    useBias: true,
    returnSequences: true,
    // Zeros: the case's weights replace them, and the default orthogonal initialiser costs a QR.
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
    biasInitializer: 'zeros',
  });
  layer.build([null, null, c.m]);
  layer.built = true; // what Layer.apply sets after build(); setWeights requires it
  tf.tidy(() => {
    const K = tf.transpose(f32(tf, c.U, [c.n, c.m]));
    const R = tf.transpose(f32(tf, c.W, [c.n, c.n]));
    layer.setWeights([K, R, f32(tf, c.b, [c.n])]);
  });
  return layer;
}

/** The layer's states for inputs (B×T×m) from initial states H0 (B×n): B×T×n. */
function states(layer: Layer, inputs: Tensor, H0: Tensor): Tensor {
  return layer.apply(inputs, { initialState: [H0] }) as Tensor;
}

/** B copies of a T×m input sequence: B×T×m. */
function batchOf(tf: Tf, us: ArrayLike<number>, B: number, T: number, m: number): Tensor {
  return tf.tile(f32(tf, us, [1, T, m]), [B, 1, 1]);
}

/**
 * Gradients of the scalar `f` with respect to `extra` and to new variables holding the tensors
 * `initial` makes, by tf.variableGrads. The new variables are disposed afterwards; the gradients
 * are downloaded.
 */
async function variableGrads(tf: Tf, initial: () => Tensor[], f: (vs: tfjs.Variable[]) => tfjs.Scalar, extra: tfjs.Variable[] = []): Promise<Float32Array[]> {
  const vars = tf.tidy(() => initial().map((t) => tf.variable(t)));
  try {
    // In a tidy scope, so that the loss value is released even when tfjs throws while backpropagating.
    const order = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => f(vars), [...extra, ...vars]);
      return [...extra, ...vars].map((v) => grads[v.name]);
    });
    try {
      return (await Promise.all(order.map((g) => g.data()))) as Float32Array[];
    } finally {
      tf.dispose(order);
    }
  } finally {
    tf.dispose(vars);
  }
}

/** Runs `body` with a SimpleRNN for the case and disposes the layer afterwards. */
async function withLayer<T>(tf: Tf, c: StepCase | SequenceCase, body: (layer: Layer) => Promise<T>): Promise<T> {
  const layer = simpleRNN(tf, c);
  try {
    return await body(layer);
  } finally {
    // Layer.dispose() works only for layers used in a symbolic model; eager apply leaves it refusing.
    // The layer's variables are all it holds.
    for (const w of layer.weights) w.dispose();
  }
}

/** Σ ⟨dy, y⟩ as a scalar: the loss whose gradient is the vector–Jacobian product with dy. */
function dot(tf: Tf, y: Tensor, dy: Tensor): tfjs.Scalar {
  return tf.sum(tf.mul(y, dy));
}

/** Creates the `layers` variant over the loaded tfjs. */
export function layersVariant(tf: Tf): TfjsVariant {
  /** The last state of the layer over T steps from H0, as a B×n matrix. */
  const last = (layer: Layer, inputs: Tensor, H0: Tensor, T: number): Tensor => {
    const H = states(layer, inputs, H0);
    const [B, , n] = H.shape as number[];
    return tf.reshape(tf.slice(H, [0, T - 1, 0], [B, 1, n]), [B, n]);
  };
  const vjpOf = (layer: Layer, c: StepCase, dy: Tensor, H0: Tensor): tfjs.Scalar => dot(tf, last(layer, batchOf(tf, c.u, 1, 1, c.m), H0, 1), dy);
  return {
    stepJacobian: (c) =>
      withLayer(tf, c, async (layer) => {
        const [g] = await variableGrads(
          tf,
          () => [tf.tile(f32(tf, c.x, [1, c.n]), [c.n, 1])],
          ([H0]) => tf.tidy(() => dot(tf, last(layer, batchOf(tf, c.u, c.n, 1, c.m), H0, 1), tf.eye(c.n))),
        );
        return g;
      }),
    inputJacobian: (c) =>
      withLayer(tf, c, async (layer) => {
        const [g] = await variableGrads(
          tf,
          () => [batchOf(tf, c.u, c.n, 1, c.m)],
          ([inputs]) => tf.tidy(() => dot(tf, last(layer, tf.clone(inputs), tf.tile(f32(tf, c.x, [1, c.n]), [c.n, 1]), 1), tf.eye(c.n))),
        );
        return g;
      }),
    vjp: (c, v) =>
      withLayer(tf, c, async (layer) => {
        const [g] = await variableGrads(
          tf,
          () => [f32(tf, c.x, [1, c.n])],
          ([H0]) => tf.tidy(() => vjpOf(layer, c, f32(tf, v, [1, c.n]), H0)),
        );
        return g;
      }),
    sequenceJacobian: (c) =>
      withLayer(tf, c, async (layer) => {
        const [g] = await variableGrads(
          tf,
          () => [tf.tile(f32(tf, c.x0, [1, c.n]), [c.n, 1])],
          ([H0]) => tf.tidy(() => dot(tf, last(layer, batchOf(tf, c.us, c.n, c.T, c.m), H0, c.T), tf.eye(c.n))),
        );
        return g;
      }),
    forward: (c) =>
      withLayer(tf, c, async (layer) => {
        const H = tf.tidy(() => states(layer, batchOf(tf, c.us, 1, c.T, c.m), f32(tf, c.x0, [1, c.n])));
        try {
          return (await H.data()) as Float32Array;
        } finally {
          H.dispose();
        }
      }),
    parameterGradients: (c: LossCase) =>
      withLayer(tf, c, async (layer) => {
        // The layer's own trainable variables, in build order: kernel K, recurrentKernel R, bias.
        const [K, R, bias] = layer.trainableWeights.map((w) => w.read() as tfjs.Variable);
        const [gK, gR, gb, gx0] = await variableGrads(
          tf,
          () => [f32(tf, c.x0, [1, c.n])],
          ([H0]) => tf.tidy(() => dot(tf, tf.reshape(states(layer, batchOf(tf, c.us, 1, c.T, c.m), H0), [c.T, c.n]), f32(tf, c.cs, [c.T, c.n]))),
          [K, R, bias],
        );
        return { W: transposed(gR, c.n, c.n), U: transposed(gK, c.m, c.n), b: gb, x0: gx0 };
      }),
  };
}

/** The transpose of an r×k row-major matrix: the convention mapping of the module comment. */
function transposed(a: Float32Array, r: number, k: number): Float32Array {
  const out = new Float32Array(r * k);
  for (let i = 0; i < r; i++) for (let j = 0; j < k; j++) out[j * r + i] = a[i * k + j];
  return out;
}
