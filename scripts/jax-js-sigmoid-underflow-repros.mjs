// Minimal repro: jax-js's derivative of nn.sigmoid is 0 where its true value is a normal number.
// nn.sigmoid(x) is reciprocal(exp(−x) + 1), and the reciprocal's rule multiplies exp(−x) by the square
// of sigmoid(x) ≈ e^x. That square underflows long before sigmoid'(x) = sigmoid(x)·(1 − sigmoid(x))
// ≈ e^x does: it is subnormal below x ≈ −43.7 and 0 below x ≈ −52.0 in float32 (true sigmoid' is normal
// down to −87.3), subnormal below −354 and 0 below about −372 in float64 (true sigmoid' normal down to −708.4).
// JAX gives sigmoid its own JVP rule (sigmoid(x)·(1 − sigmoid(x))), which does not underflow early.
// Printed: the true derivative, then jax.grad, jit(jax.grad) and jax.jvp of sum∘sigmoid over the whole
// array, then jax.grad on one-element arrays (computed differently on some devices). No rnn-jac-spec
// code is involved.
// Usage: node scripts/jax-js-sigmoid-underflow-repros.mjs [wasm|cpu|webgpu]
import { jaxOn } from './jax-js-device.mjs';

const device = process.argv[2] ?? 'wasm';
const jax = await jaxOn(device);
const np = jax.numpy;

const truth = (x) => {
  const e = Math.exp(x);
  return e / ((1 + e) * (1 + e));
};
const show = (vs) => Array.from(vs, (v) => (Number.isNaN(v) ? 'NaN' : v.toPrecision(3))).join(', ');
const points = { float32: [-40, -45, -50, -60, -80, -85, -87], float64: [-350, -356, -400, -600, -678, -700] };
const dtypes = device === 'webgpu' ? ['float32'] : ['float32', 'float64'];

for (const dtype of dtypes) {
  const xs = points[dtype];
  const array = (vs) => np.array(dtype === 'float32' ? Float32Array.from(vs) : Float64Array.from(vs));
  const g = jax.grad((x) => jax.nn.sigmoid(x).sum());
  const [, tangent] = jax.jvp((x) => jax.nn.sigmoid(x), [array(xs)], [np.onesLike(array(xs))]);
  const one = [];
  for (const x of xs) one.push((await g(array([x])).data())[0]);
  console.log(`${device} ${dtype}, x = ${xs.join(', ')}`);
  console.log(`  true sigmoid'(x):                ${show(xs.map(truth))}`);
  console.log(`  jax.grad(sum∘nn.sigmoid):        ${show(await g(array(xs)).data())}`);
  console.log(`  jax.jit(jax.grad(sum∘nn.sigmoid)): ${show(await jax.jit(g)(array(xs)).data())}`);
  console.log(`  jax.jvp(nn.sigmoid, ones):       ${show(await tangent.data())}`);
  console.log(`  jax.grad, one-element arrays:    ${show(one)}`);
}
