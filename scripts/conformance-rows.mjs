// The verdict rows of reports/conformance/ADAPTER/FINDINGS.md (the reference's: docs/frameworks.md),
// from committed reports: one row per backend × variant × dtype (a variant and its `jit-` twin share a
// row when their verdicts agree). Each failed property is given with the finding of that FINDINGS.md
// it shows (scripts/ADAPTER-findings.mjs; the reference has none).
// Usage: node scripts/conformance-rows.mjs reports/conformance/tfjs/4.22.0/{cpu,wasm,webgpu}/rnn-jac-spec.json
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAMES = { tfjs: '@tensorflow/tfjs', onnxruntime: 'onnxruntime-node', 'jax-js': '@jax-js/jax', reference: 'reference' };
const TITLES = { tfjs: 'tfjs', onnxruntime: 'ONNX Runtime', 'jax-js': 'jax-js' };

for (const path of process.argv.slice(2)) {
  const adapter = /reports\/conformance\/([\w-]+)\//.exec(path)?.[1] ?? 'reference';
  const script = fileURLToPath(new URL(`./${adapter}-findings.mjs`, import.meta.url));
  const finding = existsSync(script) ? (await import(script)).finding : () => '?';
  const failures = (results) => {
    const byFinding = new Map();
    for (const x of results.filter((r) => r.verdict === 'fail')) byFinding.set(finding(x), [...(byFinding.get(finding(x)) ?? []), x.property]);
    return [...byFinding].map(([k, ps]) => `${ps.join(', ')} (${TITLES[adapter] ?? adapter} finding ${k})`).join('; ');
  };
  const verdicts = (results) => results.map((r) => `${r.property}:${r.verdict}:${r.verdict === 'fail' ? finding(r) : ''}`).join(' ');
  const count = (results, v) => results.filter((r) => r.verdict === v).length;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const { version, backend } = report.adapter.info ?? {};
  const targets = new Map();
  for (const r of report.results)
    targets.set(`${r.target.variant ?? '—'}\u0000${r.target.dtype}`, [...(targets.get(`${r.target.variant ?? '—'}\u0000${r.target.dtype}`) ?? []), r]);
  const variants = [...new Set(report.results.map((r) => r.target.variant ?? '—'))];
  const dtypes = [...new Set(report.results.map((r) => r.target.dtype))];
  for (const v of variants.filter((x) => !x.startsWith('jit-'))) {
    for (const dtype of dtypes) {
      const eager = targets.get(`${v}\u0000${dtype}`) ?? [];
      const jit = targets.get(`jit-${v}\u0000${dtype}`) ?? [];
      const rows =
        jit.length === 0
          ? [[v, eager]]
          : verdicts(eager) === verdicts(jit)
            ? [[`${v}, jit-${v}`, eager]]
            : [
                [v, eager],
                [`jit-${v}`, jit],
              ];
      for (const [variant, results] of rows) {
        if (results.length === 0) continue;
        const na = results.filter((r) => r.verdict !== 'pass' && r.verdict !== 'fail').map((r) => r.property);
        console.log(
          `| ${NAMES[adapter] ?? adapter} | ${version ?? '—'} | ${backend ?? '—'} | ${variant} | ${dtype} | ${count(results, 'pass')} | ${count(results, 'fail')}${count(results, 'fail') > 0 ? `: ${failures(results)}` : ''} | ${na.length}${na.length > 0 ? ` (${na.join(', ')})` : ''} |`,
        );
      }
    }
  }
}
