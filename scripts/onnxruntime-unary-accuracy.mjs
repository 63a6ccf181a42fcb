// Largest relative error, in roundoffs of the dtype (u = 2^-53 or 2^-24), of ONNX Runtime's CPU
// kernels for the catalogue's activations, standalone and inside the ONNX RNN op (whose activations
// are separate implementations), over x in [-10, 10] and over tiny |x| in [1e-7, 1e-2].
// It measured the findings of reports/conformance/onnxruntime/FINDINGS.md.  Usage: node scripts/onnxruntime-unary-accuracy.mjs [cpu|webgpu]
// (needs `npm run build` first, for the graph builder in dist/; webgpu: float32, standalone ops only,
// CPU fallback disabled, XDG_RUNTIME_DIR set).
import * as ort from 'onnxruntime-node';
import { GraphBuilder } from '../dist/adapters/onnxruntime/builder.js';
import { encodeModel } from '../dist/adapters/onnxruntime/onnx.js';

const alpha = 0.3;
const exact = {
  Tanh: Math.tanh,
  Sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  Relu: (x) => Math.max(x, 0),
  LeakyRelu: (x) => (x >= 0 ? x : alpha * x),
  Elu: (x) => (x >= 0 ? x : alpha * Math.expm1(x)),
  Softplus: (x) => Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0),
};
const grid = [
  ...Array.from({ length: 4001 }, (_, i) => -10 + i / 200),
  ...Array.from({ length: 1001 }, (_, i) => 10 ** (-7 + i / 200)).flatMap((x) => [x, -x]),
];
const attrs = (op) => (op === 'LeakyRelu' || op === 'Elu' ? { alpha: { kind: 'float', value: alpha } } : {});

const ep = process.argv[2] ?? 'cpu';
const options = ep === 'cpu' ? { executionProviders: ['cpu'] } : { executionProviders: [ep], extra: { session: { disable_cpu_ep_fallback: '1' } } };
async function run(g, feeds) {
  const s = await ort.InferenceSession.create(encodeModel(g.graph('t')), options);
  return (await s.run(feeds)).y.data;
}
function worst(xs, ys, f, u) {
  let w = 0,
    at = 0;
  xs.forEach((x, i) => {
    const e = f(x) === 0 ? Math.abs(ys[i]) / u : Math.abs(ys[i] - f(x)) / Math.abs(f(x)) / u;
    if (e > w) {
      w = e;
      at = x;
    }
  });
  return `${w.toFixed(1)} at x = ${at.toPrecision(3)}`;
}
for (const dtype of ep === 'cpu' ? ['float64', 'float32'] : ['float32']) {
  const A = dtype === 'float64' ? Float64Array : Float32Array;
  const u = dtype === 'float64' ? 2 ** -53 : 2 ** -24;
  const xs = A.from(grid);
  for (const op of Object.keys(exact)) {
    const g = new GraphBuilder(dtype);
    g.output(g.op(op, [g.input('x', [xs.length])], attrs(op)), 'y');
    let line = `${dtype} ${op}: op ${await run(g, { x: new ort.Tensor(dtype, xs, [xs.length]) }).then(
      (y) => worst(xs, y, exact[op], u),
      (e) => `no kernel (${e.message.split('\n')[0].slice(0, 60)})`,
    )}`;
    if (ep !== 'cpu') {
      console.log(line);
      continue;
    }
    // Inside the RNN op: W = R = 0, so Y = f(Wb) with the bias as the argument, one unit per x.
    const h = new GraphBuilder(dtype);
    const n = xs.length;
    const ins = [
      h.input('X', [1, 1, 1]),
      h.input('W', [1, n, 1]),
      h.input('R', [1, n, n]),
      h.input('B', [1, 2 * n]),
      { name: '', type: dtype, dims: [] },
      h.input('h0', [1, 1, n]),
    ];
    const ra = {
      hidden_size: { kind: 'int', value: n },
      activations: { kind: 'strings', value: [op] },
      ...(op === 'LeakyRelu' || op === 'Elu' ? { activation_alpha: { kind: 'floats', value: [alpha] } } : {}),
    };
    h.output(h.op('RNN', ins, ra), 'y');
    const B = new A(2 * n);
    B.set(xs);
    const feeds = {
      X: new ort.Tensor(dtype, new A(1), [1, 1, 1]),
      W: new ort.Tensor(dtype, new A(n), [1, n, 1]),
      R: new ort.Tensor(dtype, new A(n * n), [1, n, n]),
      B: new ort.Tensor(dtype, B, [1, 2 * n]),
      h0: new ort.Tensor(dtype, new A(n), [1, 1, n]),
    };
    line += ` | inside RNN: ${await run(h, feeds).then(
      (y) => worst(xs, y, exact[op], u),
      (e) => `no kernel (${e.message.split('\n')[0].slice(0, 40)})`,
    )}`;
    console.log(line);
  }
}
