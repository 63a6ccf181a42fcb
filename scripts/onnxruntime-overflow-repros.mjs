#!/usr/bin/env node
// Minimal repros of what the exp-overflow and far state regions (RJS-GEN-3) find in onnxruntime-node's
// CPU provider, on single-node ONNX models, next to the true value computed in float64 with Node's Math.
// Only onnxruntime-node is used (the models are encoded below; no rnn-jac-spec code).
//   1. Sigmoid in float64 is 0 for x below ln(2⁻⁵³) ≈ −36.74, and a multiple of 2⁻⁵³ above it (as
//      1 − 1/(1 + eˣ) would be), where σ(x) ≈ eˣ is a normal float64 down to x ≈ −708. A VJP that
//      takes σ' = y·(1 − y) from the op's output then gets 0 too.
//   2. The RNN op's Softplus (float32) is +Infinity for x above ln(FLT_MAX) ≈ 88.72 (as log(1 + eˣ)
//      would be), where softplus(x) ≈ x; the standalone Softplus op is right there.
// Usage: node scripts/onnxruntime-overflow-repros.mjs
import * as ort from 'onnxruntime-node';

// A protocol-buffers writer for one-node ModelProtos (ir_version 8, opset 17).
const utf8 = new TextEncoder();
const varint = (v) => {
  let b = BigInt.asUintN(64, BigInt(v));
  const o = [];
  for (; b >= 0x80n; b >>= 7n) o.push(Number(b & 0x7fn) | 0x80);
  return [...o, Number(b)];
};
const int = (f, v) => [...varint(f * 8), ...varint(v)];
const bytes = (f, b) => [...varint(f * 8 + 2), ...varint(b.length), ...b];
const str = (f, s) => bytes(f, [...utf8.encode(s)]);
const ELEM = { float32: 1, float64: 11 };
const attr = (name, v) =>
  typeof v === 'number' ? [...str(1, name), ...int(3, v), ...int(20, 2)] : [...str(1, name), ...v.flatMap((s) => str(9, s)), ...int(20, 8)];
const valueInfo = (name, dtype) => [...str(1, name), ...bytes(2, bytes(1, int(1, ELEM[dtype])))];
function model(op, inputs, dtype, attrs = {}) {
  const node = [...inputs.flatMap((i) => str(1, i)), ...str(2, 'y'), ...str(4, op), ...Object.entries(attrs).flatMap(([k, v]) => bytes(5, attr(k, v)))];
  const graph = [
    ...bytes(1, node),
    ...str(2, 'g'),
    ...inputs.filter(Boolean).flatMap((i) => bytes(11, valueInfo(i, dtype))),
    ...bytes(12, valueInfo('y', dtype)),
  ];
  return Uint8Array.from([...int(1, 8), ...bytes(8, [...str(1, ''), ...int(2, 17)]), ...bytes(7, graph)]);
}
const cpu = { executionProviders: ['cpu'] };
const show = (v) => (Number.isFinite(v) ? v.toPrecision(6) : String(v));

// 1. Sigmoid, float64. −105.0625 and −167.1875 are the pre-activations of the suite's shrunk
// sequence-jacobian / parameter-gradients and forward cases.
{
  const xs = [-30, -36, -36.5, -37, -40, -88, -105.0625, -167.1875, -700];
  const s = await ort.InferenceSession.create(model('Sigmoid', ['x'], 'float64'), cpu);
  const y = (await s.run({ x: new ort.Tensor('float64', Float64Array.from(xs), [xs.length]) })).y.data;
  console.log("1. Sigmoid, float64, cpu: x | ORT y | y·(1−y) | true σ(x) = eˣ/(1+eˣ) | true σ'(x)");
  xs.forEach((x, i) => {
    const e = Math.exp(x);
    console.log(`  ${x} | ${show(y[i])} | ${show(y[i] * (1 - y[i]))} | ${show(e / (1 + e))} | ${show(e / (1 + e) ** 2)}`);
  });
}

// 2. The RNN op with W = R = 0, one step: Y = f(Wb), so the bias is the activation's argument.
// 147.29396 is the pre-activation of the suite's shrunk rnn-op forward case.
{
  const xs = [80, 88.7, 88.72, 88.73, 89, 100, 147.29396057128906, -20, -80];
  const n = xs.length;
  const f32 = (a, dims) => new ort.Tensor('float32', Float32Array.from(a), dims);
  const rnn = await ort.InferenceSession.create(model('RNN', ['X', 'W', 'R', 'B', '', 'h0'], 'float32', { hidden_size: n, activations: ['Softplus'] }), cpu);
  const inRnn = (
    await rnn.run({
      X: f32([0], [1, 1, 1]),
      W: f32(Array(n).fill(0), [1, n, 1]),
      R: f32(Array(n * n).fill(0), [1, n, n]),
      B: f32([...xs, ...Array(n).fill(0)], [1, 2 * n]),
      h0: f32(Array(n).fill(0), [1, 1, n]),
    })
  ).y.data;
  const op = await ort.InferenceSession.create(model('Softplus', ['x'], 'float32'), cpu);
  const alone = (await op.run({ x: f32(xs, [n]) })).y.data;
  console.log('2. Softplus, float32, cpu: x | RNN op (activations = [Softplus]) | Softplus op | true max(x, 0) + log1p(e^−|x|)');
  for (const [i, x] of xs.map(Math.fround).entries())
    console.log(`  ${x} | ${show(inRnn[i])} | ${show(alone[i])} | ${show(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))))}`);
}
