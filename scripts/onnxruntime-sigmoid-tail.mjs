#!/usr/bin/env node
// ONNX Runtime's float32 Sigmoid in the far negative tail, through the adapter's forward graph (one
// elman step with W = U = 0, so x_1 = σ(b)): `node scripts/onnxruntime-sigmoid-tail.mjs [cpu|webgpu]`.
// Found by `npm run calibrate`: a central difference of an output that does not change is 0.
import { loadAdapter } from '../dist/src/adapters/loadAdapter.js';

const backend = process.argv[2] ?? 'cpu';
const a = await loadAdapter('onnxruntime', { backend });
const h = 2 ** -12;
console.log(`onnxruntime ${backend} float32: x, Sigmoid(x), 1/(1+e^-x) in float64`);
for (const b of [-10, -17, -18, -20 + h, -20, -20 - h, -30]) {
  const c = {
    n: 1,
    m: 1,
    T: 1,
    W: Float64Array.of(0),
    U: Float64Array.of(0),
    b: Float64Array.of(b),
    x0: Float64Array.of(0),
    us: Float64Array.of(0),
    activation: { name: 'sigmoid' },
    dtype: 'float32',
    form: 'elman',
    variant: 'gradient-graph',
  };
  const x = await a.forward(c);
  console.log(b, x[0], 1 / (1 + Math.exp(-b)));
}
await a.dispose?.();
