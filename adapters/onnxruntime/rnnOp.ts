/**
 * The `rnn-op` variant: the ONNX `RNN` operator (elman form), `H_t = f(X_t·Wᵀ + H_{t−1}·Rᵀ + Wb + Rb)`
 * on row vectors. Convention mapping: ONNX's W (hidden×input) and R (hidden×hidden) multiply
 * column vectors, exactly like the spec's U and W, so W_onnx = U and R = W with no transpose, and
 * B = [Wb, Rb] = [b, 0]. ONNX Runtime has no gradient for the op, so its Jacobians are central
 * differences of its forward pass (finiteDifference.ts).
 */
import type { ActivationRef, SequenceCase, StepCase } from '../../src/contract.js';
import { GraphBuilder } from './builder.js';
import { tiledRows } from './cases.js';
import { differenceQuotients, perturbed } from './finiteDifference.js';
import { asSequence, type OnnxVariant } from './gradientGraph.js';
import type { Attr, GraphDef } from './onnx.js';
import type { SessionCache } from './sessions.js';
import { symbolicSizes } from './shapes.js';

/** The op's activation names (and alpha/beta) for the catalogue activations it has. */
const RNN_ACTIVATIONS: Readonly<Record<string, (a: ActivationRef) => { name: string; alpha?: number; beta?: number }>> = {
  identity: () => ({ name: 'Affine', alpha: 1, beta: 0 }),
  tanh: () => ({ name: 'Tanh' }),
  sigmoid: () => ({ name: 'Sigmoid' }),
  relu: () => ({ name: 'Relu' }),
  leakyRelu: (a) => ({ name: 'LeakyRelu', alpha: a.alpha }),
  elu: (a) => ({ name: 'Elu', alpha: a.alpha }),
  softplus: () => ({ name: 'Softplus' }),
};

/** Catalogue activations the RNN op takes (not gelu). */
export const RNN_OP_ACTIVATIONS = Object.keys(RNN_ACTIVATIONS);

/** The graph's sizes: hidden_size fixes n, the others are symbolic. */
function sizesOf(c: SequenceCase, B: number) {
  return symbolicSizes({ T: c.T, B, m: c.m, n: c.n, n2: 2 * c.n }, ['n', 'n2']);
}

function rnnGraph(c: SequenceCase, B: number): GraphDef {
  const g = new GraphBuilder(c.dtype as 'float32' | 'float64');
  const d = sizesOf(c, B).dims;
  const X = g.input('X', [d.T, d.B, d.m]);
  const W = g.input('W', [1, d.n, d.m]);
  const R = g.input('R', [1, d.n, d.n]);
  const bias = g.input('B', [1, d.n2]);
  const h0 = g.input('h0', [1, d.B, d.n]);
  const f = RNN_ACTIVATIONS[c.activation.name](c.activation);
  const attrs: Record<string, Attr> = { hidden_size: { kind: 'int', value: c.n }, activations: { kind: 'strings', value: [f.name] } };
  if (f.alpha !== undefined) attrs.activation_alpha = { kind: 'floats', value: [f.alpha] };
  if (f.beta !== undefined) attrs.activation_beta = { kind: 'floats', value: [f.beta] };
  const noSequenceLengths = { name: '', type: X.type, dims: [] };
  g.output(g.op('RNN', [X, W, R, bias, noSequenceLengths, h0], attrs), 'Y');
  return g.graph('rnn_jac_spec_rnn_op');
}

/** Creates the variant over a session cache. */
export function rnnOpVariant(cache: SessionCache): OnnxVariant {
  /** Y (T×1×B×n, row-major) for inputs X (T×B×m) and initial states h0 (B×n). */
  const run = async (c: SequenceCase, B: number, X: Float64Array, h0: Float64Array): Promise<Float64Array> => {
    const key = ['rnn-op', c.activation.name, c.activation.alpha ?? '', c.dtype, sizesOf(c, B).pattern].join('|');
    const bias = new Float64Array(2 * c.n);
    bias.set(c.b);
    const out = await cache.run(key, () => rnnGraph(c, B), c.dtype as 'float32' | 'float64', {
      X: { data: X, dims: [c.T, B, c.m] },
      W: { data: c.U, dims: [1, c.n, c.m] },
      R: { data: c.W, dims: [1, c.n, c.n] },
      B: { data: bias, dims: [1, 2 * c.n] },
      h0: { data: h0, dims: [1, B, c.n] },
    });
    return out.Y;
  };
  return {
    stepJacobian: async (c: StepCase) => {
      const p = perturbed(c.x, c.dtype);
      return differenceQuotients(await run(asSequence(c), 2 * c.n, tiledRows(c.u, 2 * c.n), p.rows), p.spans, c.n);
    },
    inputJacobian: async (c: StepCase) => {
      const p = perturbed(c.u, c.dtype);
      return differenceQuotients(await run(asSequence(c), 2 * c.m, p.rows, tiledRows(c.x, 2 * c.m)), p.spans, c.n);
    },
    forward: (c: SequenceCase) => run(c, 1, c.us, c.x0),
  };
}
