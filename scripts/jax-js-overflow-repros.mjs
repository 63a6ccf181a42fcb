// Minimal repro of the jax-js finding "derivatives are NaN where exp overflows": jax.grad of
// nn.sigmoid, nn.softplus and nn.elu, element by element (vmap), at points where exp(±x) overflows
// (|x| > 88.72 in float32, > 709.78 in float64), next to the true derivative. (Through vmap(grad) the
// wasm device's float64 already fails at ±100; through the recurrence's step it does not.) No rnn-jac-spec code is involved.
//   sigmoid(x) = 1/(1 + exp(−x)): the reciprocal's rule gives −(1/y²)·dy = 0·∞ once exp(−x) = ∞;
//   softplus(x) = log(exp(x) + 1): (1/y)·dy = 0·∞ once exp(x) = ∞;
//   elu(x) = where(x < 0, alpha·(exp(x) − 1), x): the branch not taken is differentiated too, and its
//   ∞ times the zero of the mask is NaN (JAX guards the argument of exp with an inner where).
// Usage: node scripts/jax-js-overflow-repros.mjs [wasm|cpu|webgpu]
import { jaxOn } from './jax-js-device.mjs';

const device = process.argv[2] ?? 'wasm';
const jax = await jaxOn(device);

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const truth = {
  sigmoid: (x) => sigmoid(x) * sigmoid(-x),
  softplus: (x) => sigmoid(x),
  elu: (x) => (x < 0 ? Math.exp(x) : 1),
};
const fns = { sigmoid: (x) => jax.nn.sigmoid(x), softplus: (x) => jax.nn.softplus(x), elu: (x) => jax.nn.elu(x) };
const points = { float32: [-100, -89, -88, 88, 89, 100], float64: [-710, -100, 100, 710] };
const dtypes = device === 'webgpu' ? ['float32'] : ['float32', 'float64'];

for (const dtype of dtypes) {
  const xs = points[dtype];
  console.log(`${device} ${dtype}, x = ${xs.join(', ')}`);
  for (const [name, f] of Object.entries(fns)) {
    const x = jax.numpy.array(dtype === 'float32' ? Float32Array.from(xs) : Float64Array.from(xs));
    const got = Array.from(await jax.vmap(jax.grad(f))(x).data());
    const show = (v) => (Number.isNaN(v) ? 'NaN' : v.toPrecision(3));
    console.log(`  jax.grad(nn.${name}): ${got.map(show).join(', ')}   (true: ${xs.map((v) => show(truth[name](v))).join(', ')})`);
  }
}
