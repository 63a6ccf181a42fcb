// Accuracy of jax-js's elementwise kernels on one device, in roundoffs of the dtype (u = 2^-53 or
// 2^-24): the largest relative error of f and of its derivative jax.vmap(jax.grad(f)) over x in
// [-10, 10] and tiny |x| in [1e-7, 1e-2] (log: x in (0, 20]), skipping exact values below the smallest
// normal number; then four probes of the root causes in the jax-js findings
// (reports/conformance/jax-js/FINDINGS.md): log on [1, 2) (the mantissa range of its series), tanh at
// small x (cancellation), eagerly and as the primal of jax.jvp (the cpu device evaluates a traced tanh
// with another kernel), and the absolute error of erfc (Abramowitz & Stegun 7.1.26 guarantees 1.5e-7).
// Usage: node scripts/jax-js-unary-accuracy.mjs [wasm|cpu|webgpu]   (needs `npm run build` first, for
// the float64 erf reference in dist/; webgpu: float32 only, XDG_RUNTIME_DIR set)
import { erfc as erfcRef, normalCdf, normalPdf } from '../dist/src/activation/erf.js';

// Node 20 has no Float16Array, and jax-js tests `instanceof Float16Array` when given a Float64Array.
// biome-ignore lint/complexity/noStaticOnlyClass: a stand-in constructor that no value is an instance of (Node 20 has no Float16Array)
globalThis.Float16Array ??= class {
  static [Symbol.hasInstance]() {
    return false;
  }
};
const device = process.argv[2] ?? 'wasm';
if (device === 'webgpu') {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  globalThis.navigator ??= {};
  globalThis.navigator.userAgent ??= `Node.js/${process.versions.node.split('.')[0]}`;
  Object.defineProperty(globalThis.navigator, 'gpu', { value: create([]), configurable: true });
}
const jax = await import('@jax-js/jax');
const { numpy: np, nn, scipySpecial } = jax;
if (!(await jax.init(device)).includes(device)) throw new Error(`jax-js device ${device} did not start`);
jax.defaultDevice(device);

const logistic = (x) => 1 / (1 + Math.exp(-x));
const alpha = 0.3;
/** name: [the jax-js function, its exact value, its exact derivative], elementwise. */
const fns = {
  exp: [(x) => np.exp(x), Math.exp, Math.exp],
  log: [(x) => np.log(x), Math.log, (x) => 1 / x],
  tanh: [(x) => np.tanh(x), Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  sigmoid: [(x) => nn.sigmoid(x), logistic, (x) => logistic(x) * logistic(-x)],
  softplus: [(x) => nn.softplus(x), (x) => Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0), logistic],
  // At the kink x = 0 jax-js's where(x < 0, …) takes the right-hand branch; so does the reference.
  'elu(alpha=0.3)': [(x) => nn.elu(x, alpha), (x) => (x >= 0 ? x : alpha * Math.expm1(x)), (x) => (x >= 0 ? 1 : alpha * Math.exp(x))],
  erfc: [(x) => scipySpecial.erfc(x), erfcRef, (x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x)],
  'gelu (exact)': [(x) => nn.gelu(x, { approximate: false }), (x) => x * normalCdf(x), (x) => normalCdf(x) + x * normalPdf(x)],
};
const signed = [
  ...Array.from({ length: 4001 }, (_, i) => -10 + i / 200),
  ...Array.from({ length: 1001 }, (_, i) => 10 ** (-7 + i / 200)).flatMap((x) => [x, -x]),
];
const positive = [...Array.from({ length: 4000 }, (_, i) => (i + 1) / 200), ...Array.from({ length: 1001 }, (_, i) => 10 ** (-7 + i / 200))];

/** Values of f at xs, computed by jax-js in dtype. */
const values = (f, xs, dtype) => f(np.array(xs, { dtype })).data();

/** The largest relative error in roundoffs, and where; exact values below `tiny` are skipped (underflow). */
function worst(xs, ys, exact, u, tiny) {
  let w = 0;
  let at = NaN;
  xs.forEach((x, i) => {
    const want = exact(x);
    if (Math.abs(want) < tiny) return;
    const e = Math.abs(ys[i] - want) / Math.abs(want) / u;
    if (e > w) [w, at] = [e, x];
  });
  return `${w.toFixed(1)} at x = ${at.toPrecision(3)}`;
}

for (const dtype of device === 'webgpu' ? ['float32'] : ['float64', 'float32']) {
  const A = dtype === 'float64' ? Float64Array : Float32Array;
  const [u, tiny] = dtype === 'float64' ? [2 ** -53, 2 ** -1022] : [2 ** -24, 2 ** -126];
  for (const [name, [f, exact, derivative]] of Object.entries(fns)) {
    const xs = A.from(name === 'log' ? positive : signed);
    const ys = await values(f, xs, dtype);
    const ds = await jax.vmap(jax.grad(f))(np.array(xs, { dtype })).data();
    console.log(`${device} ${dtype} ${name}: f ${worst(xs, ys, exact, u, tiny)} | f' ${worst(xs, ds, derivative, u, tiny)}`);
  }
  const mantissas = A.from({ length: 1000 }, (_, i) => 1 + i / 1000);
  console.log(`${device} ${dtype} log on [1, 2): ${worst(mantissas, await values(fns.log[0], mantissas, dtype), Math.log, u, tiny)}`);
  const small = A.of(1e-1, 1e-3, 1e-5, 1e-7);
  const t = await values(fns.tanh[0], small, dtype);
  const roundoffs = (ys) => Array.from(small, (x, i) => (Math.abs(ys[i] - Math.tanh(x)) / Math.tanh(x) / u).toFixed(1)).join(', ');
  console.log(`${device} ${dtype} tanh at x = ${Array.from(small, (x) => x.toPrecision(1)).join(', ')}: ${roundoffs(t)} roundoffs`);
  // The same values as the primal output of jax.jvp: a traced tanh can be evaluated by another kernel.
  const [traced, tangent] = jax.jvp(fns.tanh[0], [np.array(small, { dtype })], [np.onesLike(np.array(small, { dtype }))]);
  tangent.dispose();
  console.log(`${device} ${dtype} tanh under jax.jvp at the same x: ${roundoffs(await traced.data())} roundoffs`);
  const xs = A.from(signed);
  const e = await values(fns.erfc[0], xs, dtype);
  const abs = xs.reduce((m, x, i) => Math.max(m, Math.abs(e[i] - erfcRef(x))), 0);
  console.log(`${device} ${dtype} erfc: largest absolute error ${abs.toExponential(2)} (Abramowitz & Stegun 7.1.26: 1.5e-7)`);
}
