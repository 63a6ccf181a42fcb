/**
 * Reverse-mode rules, one per ONNX operator: given the cotangent of a node's output, the cotangents
 * of its inputs, written as more ONNX nodes. The layout of every Jacobian the adapter returns falls
 * out of these rules (MatMul's above all); nothing else in the adapter knows the expected formula.
 */
import type { BuiltNode, GraphBuilder, Value } from './builder.js';

/** A rule: the input cotangents (undefined where an input gets none) of `node` given `dy`. */
export type VjpRule = (g: GraphBuilder, node: BuiltNode, dy: Value) => (Value | undefined)[];

/** Sums `dy` over the dimensions broadcasting added, so that it has `target`'s shape. */
export function unbroadcast(g: GraphBuilder, dy: Value, target: Value): Value {
  const lead = dy.dims.length - target.dims.length;
  const axes = dy.dims.flatMap((d, i) => (i < lead || (target.dims[i - lead] === 1 && d !== 1) ? [i] : []));
  if (axes.length === 0) return dy;
  const summed = g.op('ReduceSum', [dy, g.ints(axes)], { keepdims: { kind: 'int', value: 1 } });
  return lead === 0 ? summed : g.op('Reshape', [summed, g.shape(target.dims)]);
}

const transpose = (g: GraphBuilder, v: Value): Value => g.op('Transpose', [v], { perm: { kind: 'ints', value: [1, 0] } });
const intAttr = (n: BuiltNode, k: string): number => (n.attrs[k]?.kind === 'int' ? (n.attrs[k] as { value: number }).value : 0);
const floatAttr = (n: BuiltNode, k: string, d: number): number => (n.attrs[k]?.kind === 'float' ? (n.attrs[k] as { value: number }).value : d);
/** dy where x > 0, else `other` (the derivative of a kinked activation, left-hand value at 0). */
const positive = (g: GraphBuilder, x: Value, dy: Value, other: Value): Value => g.op('Where', [g.op('Greater', [x, g.scalar(0)]), dy, other]);

/** Operators the differentiator knows. */
export type DiffOp =
  | 'Identity'
  | 'Neg'
  | 'Add'
  | 'Sub'
  | 'Mul'
  | 'Div'
  | 'MatMul'
  | 'Gemm'
  | 'Transpose'
  | 'Tanh'
  | 'Sigmoid'
  | 'Relu'
  | 'LeakyRelu'
  | 'Elu'
  | 'Softplus'
  | 'Erf'
  | 'Exp';

/** The rules, by operator; the compiler checks that every {@link DiffOp} has one. */
export const vjpRules = {
  Identity: (_g, _n, dy) => [dy],
  Neg: (g, _n, dy) => [g.op('Neg', [dy])],
  Add: (g, n, dy) => [unbroadcast(g, dy, n.in[0]), unbroadcast(g, dy, n.in[1])],
  Sub: (g, n, dy) => [unbroadcast(g, dy, n.in[0]), unbroadcast(g, g.op('Neg', [dy]), n.in[1])],
  Mul: (g, n, dy) => [unbroadcast(g, g.op('Mul', [dy, n.in[1]]), n.in[0]), unbroadcast(g, g.op('Mul', [dy, n.in[0]]), n.in[1])],
  Div: (g, n, dy) => [
    unbroadcast(g, g.op('Div', [dy, n.in[1]]), n.in[0]),
    unbroadcast(g, g.op('Neg', [g.op('Div', [g.op('Mul', [dy, n.out]), n.in[1]])]), n.in[1]),
  ],
  // C = A·B: dA = dC·Bᵀ, dB = Aᵀ·dC.
  MatMul: (g, n, dy) => [g.op('MatMul', [dy, transpose(g, n.in[1])]), g.op('MatMul', [transpose(g, n.in[0]), dy])],
  // Y = op(A)·op(B) + C (alpha = beta = 1): d op(A) = dY·op(B)ᵀ, d op(B) = op(A)ᵀ·dY, transposed back where op transposes.
  Gemm: (g, n, dy) => {
    const [A, B] = n.in;
    const opA = intAttr(n, 'transA') ? transpose(g, A) : A;
    const opB = intAttr(n, 'transB') ? transpose(g, B) : B;
    const dOpA = g.op('MatMul', [dy, transpose(g, opB)]);
    const dOpB = g.op('MatMul', [transpose(g, opA), dy]);
    return [
      intAttr(n, 'transA') ? transpose(g, dOpA) : dOpA,
      intAttr(n, 'transB') ? transpose(g, dOpB) : dOpB,
      n.in[2] !== undefined ? unbroadcast(g, dy, n.in[2]) : undefined,
    ];
  },
  Transpose: (g, n, dy) => {
    const perm = n.attrs.perm?.kind === 'ints' ? n.attrs.perm.value : [...n.in[0].dims.keys()].reverse();
    const inverse = perm.map((_, i) => perm.indexOf(i));
    return [g.op('Transpose', [dy], { perm: { kind: 'ints', value: inverse } })];
  },
  Tanh: (g, n, dy) => [g.op('Mul', [dy, g.op('Sub', [g.scalar(1), g.op('Mul', [n.out, n.out])])])],
  Sigmoid: (g, n, dy) => [g.op('Mul', [dy, g.op('Mul', [n.out, g.op('Sub', [g.scalar(1), n.out])])])],
  Relu: (g, n, dy) => [positive(g, n.in[0], dy, g.scalar(0))],
  LeakyRelu: (g, n, dy) => [positive(g, n.in[0], dy, g.op('Mul', [dy, g.scalar(floatAttr(n, 'alpha', 0.01))]))],
  // For x ≤ 0, elu'(x) = alpha·eˣ = y + alpha.
  Elu: (g, n, dy) => [positive(g, n.in[0], dy, g.op('Mul', [dy, g.op('Add', [n.out, g.scalar(floatAttr(n, 'alpha', 1))])]))],
  Softplus: (g, n, dy) => [g.op('Mul', [dy, g.op('Sigmoid', [n.in[0]])])],
  Erf: (g, n, dy) => {
    const gauss = g.op('Exp', [g.op('Neg', [g.op('Mul', [n.in[0], n.in[0]])])]);
    return [g.op('Mul', [dy, g.op('Mul', [g.scalar(2 / Math.sqrt(Math.PI)), gauss])])];
  },
  Exp: (g, n, dy) => [g.op('Mul', [dy, n.out])],
} satisfies Record<DiffOp, VjpRule>;
