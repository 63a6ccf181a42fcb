// Time per adapter call of the jax-js adapter, per variant and capability, at hidden size n = 8 and
// n = 64 (m = 8, T = 16, pascanu form, tanh), in one dtype: the mean over `reps` calls after one
// warm-up call. jit variants compile once per call, as in a run.
// Usage: node scripts/jax-js-timing.mjs [wasm|cpu|webgpu] [float32|float64] [reps]   (needs `npm run build` first)
import createAdapter from '../dist/adapters/jax-js/index.js';

const [backend = 'wasm', dtype = 'float32', reps = '3'] = process.argv.slice(2);
const adapter = await createAdapter({ backend });
/** A deterministic value in [-0.5, 0.5), exactly representable in float32. */
const value = (i) => Math.fround(((i * 7919) % 1000) / 1000 - 0.5);
const vec = (len, offset) => Float64Array.from({ length: len }, (_, i) => value(i + offset));

function cases(n) {
  const m = 8;
  const T = 16;
  const W = Float64Array.from(vec(n * n, 1), (w) => Math.fround(w / n));
  const base = { n, m, W, U: vec(n * m, 2), b: vec(n, 3), activation: { name: 'tanh' }, dtype, form: 'pascanu' };
  return { step: { ...base, x: vec(n, 4), u: vec(m, 5) }, sequence: { ...base, T, x0: vec(n, 4), us: vec(T * m, 6), cs: vec(T * n, 7) }, v: vec(n, 8) };
}

const calls = {
  stepJacobian: (a, c, v) => a.stepJacobian({ ...c.step, variant: v }),
  inputJacobian: (a, c, v) => a.inputJacobian({ ...c.step, variant: v }),
  sequenceJacobian: (a, c, v) => a.sequenceJacobian({ ...c.sequence, variant: v }),
  parameterGradients: (a, c, v) => a.parameterGradients({ ...c.sequence, variant: v }),
  vjp: (a, c, v) => a.vjp({ ...c.step, variant: v }, c.v),
  jvp: (a, c, v) => a.jvp({ ...c.step, variant: v }, c.v),
  forward: (a, c, v) => a.forward({ ...c.sequence, variant: v }),
};

console.log(`jax-js ${(await adapter.info()).version} on ${backend}, ${dtype}: ms per call at n = 8 / n = 64 (m = 8, T = 16), mean of ${reps}`);
for (const variant of adapter.variants) {
  const offered = ['stepJacobian', ...adapter.variantScopes[variant].capabilities];
  const cells = [];
  for (const cap of offered) {
    const times = [];
    for (const n of [8, 64]) {
      const c = cases(n);
      // jacrev's input Jacobian throws for m ≠ n (a finding); time what completes.
      const ok = await calls[cap](adapter, c, variant).then(
        () => true,
        () => false,
      );
      if (!ok) {
        times.push('throws');
        continue;
      }
      const t0 = performance.now();
      for (let r = 0; r < Number(reps); r++) await calls[cap](adapter, c, variant);
      times.push(((performance.now() - t0) / Number(reps)).toFixed(1));
    }
    cells.push(`${cap} ${times.join(' / ')}`);
  }
  console.log(`${variant}: ${cells.join(', ')}`);
}
await adapter.dispose();
