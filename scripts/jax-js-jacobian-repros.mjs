// Minimal repros of the two jax-js Jacobian-function findings (1 and 2 of
// reports/conformance/jax-js/FINDINGS.md), on linear maps whose Jacobian is the matrix itself, with no
// recurrence and no rnn-jac-spec code involved:
// 1. jax.jacfwd returns the transpose: [n_in, n_out] instead of JAX's output.shape + input.shape.
// 2. jax.jacrev seeds its pullback with the basis of the input, not of the output: a non-square
//    Jacobian throws (more outputs than inputs) or comes back m×m (more inputs than outputs).
// Usage: node scripts/jax-js-jacobian-repros.mjs [wasm|cpu]
// biome-ignore lint/complexity/noStaticOnlyClass: a stand-in constructor that no value is an instance of (Node 20 has no Float16Array)
globalThis.Float16Array ??= class {
  static [Symbol.hasInstance]() {
    return false;
  }
}; // Node 20 (see adapters/jax-js/jax.ts)
const jax = await import('@jax-js/jax');
const np = jax.numpy;
const device = process.argv[2] ?? 'wasm';
await jax.init(device);
jax.defaultDevice(device);

const matrix = (rows, cols, values) => np.array(Float32Array.from(values)).reshape([rows, cols]);
const vector = (values) => np.array(Float32Array.from(values));
const show = async (J) => `shape [${J.shape}] ${JSON.stringify(Array.from(await J.data()))}`;
const attempt = async (f) => {
  try {
    return await show(f());
  } catch (e) {
    return `throws: ${e.message}`;
  }
};

const W = matrix(2, 2, [1, 2, 3, 4]);
console.log(`f(x) = W·x, W = [[1, 2], [3, 4]]: the Jacobian is W, row-major [1,2,3,4]`);
console.log(`  jax.jacrev: ${await attempt(() => jax.jacrev((x) => np.matmul(W.ref, x))(vector([0.5, 0.25])))}`);
console.log(`  jax.jacfwd: ${await attempt(() => jax.jacfwd((x) => np.matmul(W.ref, x))(vector([0.5, 0.25])))}`);
const tall = matrix(2, 1, [1, 3]);
console.log(`f(u) = U·u, U = [[1], [3]] (R¹ → R²): the Jacobian is U, shape [2,1]`);
console.log(`  jax.jacrev: ${await attempt(() => jax.jacrev((u) => np.matmul(tall.ref, u))(vector([0.5])))}`);
console.log(`  jax.jacfwd: ${await attempt(() => jax.jacfwd((u) => np.matmul(tall.ref, u))(vector([0.5])))}`);
const wide = matrix(1, 2, [1, 3]);
console.log(`f(u) = U·u, U = [[1, 3]] (R² → R¹): the Jacobian is U, shape [1,2]`);
console.log(`  jax.jacrev: ${await attempt(() => jax.jacrev((u) => np.matmul(wide.ref, u))(vector([0.5, 0.25])))}`);
console.log(`  jax.jacfwd: ${await attempt(() => jax.jacfwd((u) => np.matmul(wide.ref, u))(vector([0.5, 0.25])))}`);
