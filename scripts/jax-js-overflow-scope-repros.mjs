// Where jax-js's exp overflow (jax-js finding 3, reports/conformance/jax-js/FINDINGS.md) shows, beyond scripts/jax-js-overflow-repros.mjs:
//  1. nn.softplus's value: log(exp(x) + 1) is ∞ once exp(x) overflows (true value ≈ x), so the
//     forward states are not finite either, not only the derivatives.
//  2. Eager forward mode: jax.jvp of nn.sigmoid is right on a one-element float32 array at x = −92.3,
//     and NaN on the same x next to a second element (the tangent of the ordinary element does not
//     matter); of nn.softplus likewise.
//  3. float64 on wasm: exp is float32's kernel (finding 4), so it overflows past 88.72, not 709.78.
//  4. float32 on cpu: one-element arrays, and some jit-compiled functions, keep exp's overflow out
//     (their intermediates are float64), but an eager function of a two-element array does not.
// No rnn-jac-spec code is involved.
// Usage: node scripts/jax-js-overflow-scope-repros.mjs [wasm|cpu|webgpu]
import { jaxOn } from './jax-js-device.mjs';

const device = process.argv[2] ?? 'wasm';
const jax = await jaxOn(device);
const { numpy: np, nn } = jax;

const show = (vs) => Array.from(vs, (v) => (Number.isNaN(v) ? 'NaN' : v.toPrecision(4))).join(', ');
const array = (dtype, vs) => np.array(dtype === 'float32' ? Float32Array.from(vs) : Float64Array.from(vs));
const dtypes = device === 'webgpu' ? ['float32'] : ['float32', 'float64'];
const big = { float32: 92.3, float64: 738.3 };

console.log(`${device}: 1. nn.softplus(x), true value ≈ x`);
for (const dtype of dtypes) {
  for (const xs of [[big[dtype]], [big[dtype], 1]]) {
    console.log(
      `  ${dtype} x = [${xs}]: eager [${show(await nn.softplus(array(dtype, xs)).data())}], jit [${show(
        await jax
          .jit((x) => nn.softplus(x))(array(dtype, xs))
          .data(),
      )}]`,
    );
  }
}

console.log(
  `${device}: 2. eager jax.jvp(f, [x], [e_1]) (true tangents: sigmoid'(−92.3) = 8.3e-41, sigmoid'(−738.3) = 2.3e-321, both subnormal, so 0 is allowed; softplus' = 1)`,
);
for (const dtype of dtypes) {
  for (const [name, x] of [
    ['sigmoid', -big[dtype]],
    ['softplus', big[dtype]],
  ]) {
    for (const xs of [[x], [x, 1]]) {
      const [, t] = jax.jvp(
        (z) => nn[name](z),
        [array(dtype, xs)],
        [
          array(
            dtype,
            xs.map((_, i) => (i === 0 ? 1 : 0)),
          ),
        ],
      );
      console.log(`  ${dtype} nn.${name}, x = [${xs}]: tangent [${show(await t.data())}]`);
    }
  }
}

if (dtypes.includes('float64')) {
  const xs = [88, 89, 100, 700];
  console.log(`${device}: 3. float64 np.exp(x), x = ${xs}: [${show(await np.exp(array('float64', xs)).data())}]`);
  console.log(
    `   jax.grad(sum∘nn.softplus): [${show(
      await jax
        .grad((x) => nn.softplus(x).sum())(array('float64', xs))
        .data(),
    )}] (true 1, 1, 1, 1)`,
  );
}

console.log(`${device}: 4. float32 jax.grad(sum∘nn.sigmoid) at x = −96.36 (true 1.4e-42, subnormal: 0 allowed), eager and jit`);
for (const xs of [[-96.36], [-96.36, 1]]) {
  const g = jax.grad((x) => nn.sigmoid(x).sum());
  console.log(`  x = [${xs}]: eager [${show(await g(array('float32', xs)).data())}], jit [${show(await jax.jit(g)(array('float32', xs)).data())}]`);
}
