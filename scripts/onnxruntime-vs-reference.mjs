// Largest error of ONNX Runtime's Jacobians against the float64 reference adapter, per provider,
// dtype and variant, over fixed tanh cases (pascanu and elman forms) at n = 8, 64 and 256 (T = 16).
// Error is normwise: max|actual − reference| / max|reference| over each result.
// Usage (after `npm run build`): XDG_RUNTIME_DIR=/tmp node scripts/onnxruntime-vs-reference.mjs [cpu|webgpu]
import { loadAdapter } from '../dist/src/adapters/loadAdapter.js';

const backend = process.argv[2] ?? 'cpu';
const T = 16;
const values = (count, seed, scale = 1) => {
  let s = seed >>> 0;
  return Float64Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale);
  });
};
const caseOf = (n, form, dtype, variant) => {
  const m = Math.min(8, n);
  const c = {
    n,
    m,
    T,
    form,
    dtype,
    variant,
    activation: { name: 'tanh' },
    W: values(n * n, 1, 0.8 / Math.sqrt(n)),
    U: values(n * m, 2, 0.5),
    b: values(n, 3, 0.25),
    x: values(n, 4),
    u: values(m, 5),
  };
  return { ...c, x0: c.x, us: values(T * m, 6), cs: values(T * n, 7) };
};
const err = (a, r) => {
  let d = 0,
    s = 0;
  for (let i = 0; i < r.length; i++) {
    d = Math.max(d, Math.abs(a[i] - r[i]));
    s = Math.max(s, Math.abs(r[i]));
  }
  return s === 0 ? d : d / s;
};

const ref = await loadAdapter('reference', {});
const ort = await loadAdapter('onnxruntime', { backend });
console.log(`onnxruntime ${backend}: normwise relative error against the float64 reference (tanh; n = 8 / 64 / 256; T = ${T})`);
for (const dtype of ort.dtypes) {
  for (const variant of ort.variants) {
    const scope = ort.variantScopes?.[variant] ?? {};
    if (scope.dtypes && !scope.dtypes.includes(dtype)) continue;
    const form = scope.forms?.[0] ?? 'pascanu';
    const offers = (m) => scope.capabilities === undefined || scope.capabilities.includes(m);
    const rows = {};
    for (const n of [8, 64, 256]) {
      const c = caseOf(n, form, dtype, variant);
      const r = { ...c, dtype: 'float64', variant: undefined };
      const put = (k, v) => (rows[k] ??= []).push(v.toExponential(1));
      put('stepJacobian', err(await ort.stepJacobian(c), await ref.stepJacobian(r)));
      if (offers('inputJacobian')) put('inputJacobian', err(await ort.inputJacobian(c), await ref.inputJacobian(r)));
      if (offers('sequenceJacobian')) put('sequenceJacobian', err(await ort.sequenceJacobian(c), await ref.sequenceJacobian(r)));
      if (offers('parameterGradients')) {
        const [a, b] = [await ort.parameterGradients(c), await ref.parameterGradients(r)];
        put('parameterGradients (W)', err(a.W, b.W));
      }
      if (offers('forward')) put('forward', err(await ort.forward(c), await ref.forward(r)));
    }
    for (const [k, v] of Object.entries(rows)) console.log(`  ${dtype} ${variant} (${form}) ${k}: ${v.join(' / ')}`);
  }
}
await ort.dispose?.();
