// The README's jax-js conformance rows, from committed reports: one row per device × entry point ×
// dtype, eager and jit together when their verdicts agree (else one row each). Each failed property
// is given with the README finding it shows (jax-js-findings.mjs).
// Usage: node scripts/jax-js-conformance-rows.mjs reports/conformance/jax-js/0.1.25/{wasm,cpu,webgpu}/rnn-jac-spec.json
import { readFileSync } from 'node:fs';
import { finding } from './jax-js-findings.mjs';

/** "p1, p2 (finding k)" for the failed results, grouped by finding. */
function failures(results) {
  const byFinding = new Map();
  for (const x of results.filter((r) => r.verdict === 'fail')) {
    const k = finding(x);
    byFinding.set(k, [...(byFinding.get(k) ?? []), x.property]);
  }
  return [...byFinding].map(([k, ps]) => `${ps.join(', ')} (jax-js finding ${k})`).join('; ');
}

const verdicts = (results) => results.map((r) => `${r.property}:${r.verdict}:${r.verdict === 'fail' ? finding(r) : ''}`).join(' ');
const count = (results, v) => results.filter((r) => r.verdict === v).length;

for (const path of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const { version, backend } = report.adapter.info;
  const targets = new Map();
  for (const r of report.results) {
    const key = `${r.target.variant}\u0000${r.target.dtype}`;
    targets.set(key, [...(targets.get(key) ?? []), r]);
  }
  const dtypes = [...new Set(report.results.map((r) => r.target.dtype))];
  const entryPoints = [...new Set(report.results.map((r) => r.target.variant.replace(/^jit-/, '')))];
  for (const e of entryPoints) {
    for (const dtype of dtypes) {
      const eager = targets.get(`${e}\u0000${dtype}`) ?? [];
      const jit = targets.get(`jit-${e}\u0000${dtype}`) ?? [];
      const rows = verdicts(eager) === verdicts(jit) ? [[`${e}, jit-${e}`, eager]] : [[e, eager], [`jit-${e}`, jit]];
      for (const [variant, results] of rows) {
        if (results.length === 0) continue;
        const na = results.filter((r) => r.verdict !== 'pass' && r.verdict !== 'fail').map((r) => r.property);
        console.log(`| @jax-js/jax | ${version} | ${backend} | ${variant} | ${dtype} | ${count(results, 'pass')} | ${count(results, 'fail')}${count(results, 'fail') > 0 ? `: ${failures(results)}` : ''} | ${na.length}${na.length > 0 ? ` (${na.join(', ')})` : ''} |`);
      }
    }
  }
}
