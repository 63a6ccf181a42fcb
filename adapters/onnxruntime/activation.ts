/**
 * σ of the catalogue as ONNX operators: the standard op wherever ONNX has one, so the provider's own
 * kernel is what the spec checks; gelu (ONNX Gelu arrives only in opset 20) from Erf, as its
 * definition x·Φ(x).
 */
import type { ActivationName, ActivationRef } from '../../src/contract.js';
import type { GraphBuilder, Value } from './builder.js';

/** Catalogue activations this adapter builds: all eight. */
export const ONNX_ACTIVATIONS = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu'] as const satisfies readonly ActivationName[];

/** Appends σ(x) to the graph. */
export function sigma(g: GraphBuilder, a: ActivationRef, x: Value): Value {
  switch (a.name) {
    case 'identity':
      return x;
    case 'tanh':
      return g.op('Tanh', [x]);
    case 'sigmoid':
      return g.op('Sigmoid', [x]);
    case 'relu':
      return g.op('Relu', [x]);
    case 'leakyRelu':
      return g.op('LeakyRelu', [x], { alpha: { kind: 'float', value: alphaOf(a) } });
    case 'elu':
      return g.op('Elu', [x], { alpha: { kind: 'float', value: alphaOf(a) } });
    case 'softplus':
      return g.op('Softplus', [x]);
    case 'gelu': {
      const phi = g.op('Mul', [g.scalar(0.5), g.op('Add', [g.scalar(1), g.op('Erf', [g.op('Div', [x, g.scalar(Math.SQRT2)])])])]);
      return g.op('Mul', [x, phi]);
    }
    default:
      throw new Error(`onnxruntime adapter: no activation '${a.name}'`);
  }
}

function alphaOf(a: ActivationRef): number {
  if (a.alpha === undefined) throw new Error(`onnxruntime adapter: ${a.name} needs alpha`);
  return a.alpha;
}
