/**
 * ONNX graphs as plain data, and their encoding as an ONNX ModelProto (onnx.proto3 field numbers).
 */
import { ProtoWriter } from './protobuf.js';

/** Element types the adapter uses, with their ONNX TensorProto.DataType codes. */
export const ELEM_TYPES = { float32: 1, bool: 9, float64: 11, int64: 7 } as const;
/** An element type. */
export type ElemType = keyof typeof ELEM_TYPES;

/** A dimension: a size, or a symbol (dim_param) that the session takes from the tensors fed. */
export type Dim = number | string;

/** A tensor's type and shape. */
export interface ValueInfo {
  readonly name: string;
  readonly type: ElemType;
  readonly dims: readonly Dim[];
}

/** A constant tensor (an initializer), of static shape. */
export interface Initializer extends ValueInfo {
  readonly dims: readonly number[];
  readonly data: Float32Array | Float64Array | BigInt64Array;
}

/** An attribute value. */
export type Attr =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'strings'; readonly value: readonly string[] };

/** One node: an operator applied to named values. */
export interface NodeDef {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: Readonly<Record<string, Attr>>;
}

/** A whole graph. */
export interface GraphDef {
  readonly name: string;
  readonly nodes: readonly NodeDef[];
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly initializers: readonly Initializer[];
}

/** ONNX IR version 8 goes with opsets up to 18, which is all the adapter needs. */
const IR_VERSION = 8;
/** The default-domain opset the graphs are written against. */
export const OPSET = 17;

function valueInfo(v: ValueInfo): ProtoWriter {
  const shape = new ProtoWriter();
  // TensorShapeProto.Dimension: dim_value (1) or dim_param (2).
  for (const d of v.dims) shape.message(1, typeof d === 'number' ? new ProtoWriter().int(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().int(1, ELEM_TYPES[v.type]).message(2, shape);
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}

function initializer(t: Initializer): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of t.dims) w.int(1, d);
  w.int(2, ELEM_TYPES[t.type]).string(8, t.name);
  // raw_data is little-endian, which typed arrays are on every platform Node supports.
  return w.bytes(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

function attribute(name: string, a: Attr): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  switch (a.kind) {
    case 'float':
      return w.float(2, a.value).int(20, 1);
    case 'int':
      return w.int(3, a.value).int(20, 2);
    case 'string':
      return w.string(4, a.value).int(20, 3);
    case 'ints': {
      for (const v of a.value) w.int(8, v);
      return w.int(20, 7);
    }
    case 'floats': {
      for (const v of a.value) w.float(7, v);
      return w.int(20, 6);
    }
    case 'strings': {
      for (const v of a.value) w.string(9, v);
      return w.int(20, 8);
    }
  }
}

function node(n: NodeDef, index: number): ProtoWriter {
  const w = new ProtoWriter();
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, `${n.op}_${index}`).string(4, n.op);
  for (const [k, a] of Object.entries(n.attrs)) w.message(5, attribute(k, a));
  return w;
}

/** Encodes `g` as the bytes of an ONNX model that `InferenceSession.create` accepts. */
export function encodeModel(g: GraphDef): Uint8Array {
  const graph = new ProtoWriter();
  for (const [i, n] of g.nodes.entries()) graph.message(1, node(n, i));
  graph.string(2, g.name);
  for (const t of g.initializers) graph.message(5, initializer(t));
  for (const v of g.inputs) graph.message(11, valueInfo(v));
  for (const v of g.outputs) graph.message(12, valueInfo(v));
  return new ProtoWriter().int(1, IR_VERSION).string(2, 'rnn-jac-spec').message(7, graph).message(8, new ProtoWriter().string(1, '').int(2, OPSET)).finish();
}
