/**
 * Builds an ONNX graph node by node, inferring every value's shape, so that gradient rules can
 * reduce broadcast dimensions without running anything. A dimension is a number or a symbol (an
 * ONNX dim_param): equal symbols are equal sizes, and a symbol is never 1, so broadcasting is
 * decided from the shapes alone, exactly as with the numbers they stand for.
 */
import type { Attr, Dim, ElemType, GraphDef, Initializer, NodeDef } from './onnx.js';

export type { Dim } from './onnx.js';

/** A value in the graph: its name, element type and shape. */
export interface Value {
  readonly name: string;
  readonly type: ElemType;
  readonly dims: readonly Dim[];
}

/** A node together with the values it reads and writes. */
export interface BuiltNode extends NodeDef {
  readonly in: readonly Value[];
  readonly out: Value;
}

/** Broadcast shape of numpy-style operands (ONNX multidirectional broadcasting). */
export function broadcast(...shapes: (readonly Dim[])[]): Dim[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  return Array.from({ length: rank }, (_, i) => {
    const ds = shapes.map((s) => s[s.length - rank + i] ?? 1);
    const big = ds.filter((d) => d !== 1);
    if (new Set(big).size > 1) throw new Error(`onnx builder: shapes ${shapes.map((s) => `[${s.join(',')}]`).join(' ')} do not broadcast`);
    return big[0] ?? 1;
  });
}

const UNARY = new Set(['Tanh', 'Sigmoid', 'Relu', 'LeakyRelu', 'Elu', 'Softplus', 'Erf', 'Exp', 'Neg', 'Identity']);
const BINARY = new Set(['Add', 'Sub', 'Mul', 'Div']);

/** Collects nodes, inputs, constants and outputs of one graph in one floating-point type. */
export class GraphBuilder {
  readonly nodes: BuiltNode[] = [];
  readonly inputs: Value[] = [];
  readonly outputs: Value[] = [];
  readonly initializers: Initializer[] = [];
  /** What int64 constants stand for (ReduceSum's axes, Reshape's target shape), for shape inference. */
  private readonly intConstants = new Map<string, readonly Dim[]>();
  private readonly scalars = new Map<number, Value>();
  private counter = 0;

  constructor(readonly dtype: 'float32' | 'float64') {}

  private fresh(prefix: string): string {
    return `${prefix}_${this.counter++}`;
  }

  /** A graph input of the builder's float type. */
  input(name: string, dims: readonly Dim[]): Value {
    const v = { name, type: this.dtype, dims: [...dims] };
    this.inputs.push(v);
    return v;
  }

  /** A scalar constant of the builder's float type (one initializer per distinct value). */
  scalar(x: number): Value {
    const known = this.scalars.get(x);
    if (known !== undefined) return known;
    const v = { name: this.fresh('c'), type: this.dtype, dims: [] };
    const data = this.dtype === 'float64' ? Float64Array.of(x) : Float32Array.of(x);
    this.initializers.push({ ...v, data });
    this.scalars.set(x, v);
    return v;
  }

  /** A 1-D int64 constant (axes of ReduceSum, the shape of Reshape). */
  ints(values: readonly number[]): Value {
    return this.intConstant(values, values);
  }

  /** The shape operand of a Reshape to `dims`: a symbolic dimension (at most one) is written as −1. */
  shape(dims: readonly Dim[]): Value {
    if (dims.filter((d) => typeof d === 'string').length > 1) throw new Error(`onnx builder: cannot reshape to [${dims.join(',')}]`);
    return this.intConstant(
      dims.map((d) => (typeof d === 'string' ? -1 : d)),
      dims,
    );
  }

  private intConstant(values: readonly number[], meaning: readonly Dim[]): Value {
    const v = { name: this.fresh('i'), type: 'int64' as const, dims: [values.length] };
    this.initializers.push({ ...v, data: BigInt64Array.from(values.map(BigInt)) });
    this.intConstants.set(v.name, meaning);
    return v;
  }

  /** Appends `op(inputs)` and returns its (single) output, with inferred type and shape. */
  op(op: string, inputs: readonly Value[], attrs: Readonly<Record<string, Attr>> = {}): Value {
    const { type, dims } = this.infer(op, inputs, attrs);
    const out: Value = { name: this.fresh(op), type, dims };
    this.nodes.push({ op, inputs: inputs.map((v) => v.name), outputs: [out.name], attrs, in: inputs, out });
    return out;
  }

  /** Marks `v` as a graph output named `name` (through an Identity node, so names stay stable). */
  output(v: Value, name: string): void {
    const out: Value = { name, type: v.type, dims: v.dims };
    this.nodes.push({ op: 'Identity', inputs: [v.name], outputs: [name], attrs: {}, in: [v], out });
    this.outputs.push(out);
  }

  /** The graph as plain data, ready for {@link encodeModel}. */
  graph(name: string): GraphDef {
    return { name, nodes: this.nodes, inputs: this.inputs, outputs: this.outputs, initializers: this.initializers };
  }

  private infer(op: string, x: readonly Value[], attrs: Readonly<Record<string, Attr>>): { type: ElemType; dims: Dim[] } {
    const int = (k: string, d: number): number => (attrs[k]?.kind === 'int' ? attrs[k].value : d);
    if (UNARY.has(op)) return { type: x[0].type, dims: [...x[0].dims] };
    if (BINARY.has(op)) return { type: x[0].type, dims: broadcast(x[0].dims, x[1].dims) };
    switch (op) {
      case 'Greater':
        return { type: 'bool', dims: broadcast(x[0].dims, x[1].dims) };
      case 'Where':
        return { type: x[1].type, dims: broadcast(x[0].dims, x[1].dims, x[2].dims) };
      case 'MatMul': {
        const [a, b] = [x[0].dims, x[1].dims];
        if (a.length !== 2 || b.length !== 2 || a[1] !== b[0]) throw new Error(`onnx builder: MatMul of [${a}] and [${b}]`);
        return { type: x[0].type, dims: [a[0], b[1]] };
      }
      case 'Gemm': {
        const a = int('transA', 0) ? [...x[0].dims].reverse() : x[0].dims;
        const b = int('transB', 0) ? [...x[1].dims].reverse() : x[1].dims;
        if (a[1] !== b[0]) throw new Error(`onnx builder: Gemm of [${a}] and [${b}]`);
        return { type: x[0].type, dims: [a[0], b[1]] };
      }
      case 'Transpose': {
        const perm = attrs.perm?.kind === 'ints' ? attrs.perm.value : [...x[0].dims.keys()].reverse();
        return { type: x[0].type, dims: perm.map((p) => x[0].dims[p]) };
      }
      case 'ReduceSum': {
        const axes = this.intConstants.get(x[1].name) ?? [];
        const keep = int('keepdims', 1) === 1;
        const dims = x[0].dims.flatMap((d, i) => (axes.includes(i) ? (keep ? [1] : []) : [d]));
        return { type: x[0].type, dims };
      }
      case 'Reshape': {
        const shape = this.intConstants.get(x[1].name);
        if (shape === undefined) throw new Error('onnx builder: Reshape needs a constant shape');
        return { type: x[0].type, dims: [...shape] };
      }
      case 'RNN': {
        // X is T×B×m; output Y (the only one used) is T×num_directions×B×hidden_size.
        const [T, B] = x[0].dims;
        return { type: x[0].type, dims: [T, 1, B, int('hidden_size', 0)] };
      }
      case 'Concat': {
        const axis = int('axis', 0);
        const dims = [...x[0].dims];
        const parts = x.map((v) => v.dims[axis]);
        // A sum with a symbolic part is a new symbol (only ever a graph output's size).
        dims[axis] = parts.every((d) => typeof d === 'number') ? parts.reduce((s, d) => s + d, 0) : parts.join('+');
        return { type: x[0].type, dims };
      }
      default:
        throw new Error(`onnx builder: no shape rule for ${op}`);
    }
  }
}
