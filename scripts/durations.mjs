// Writes adapters/ADAPTER/durations.json from the committed conformance reports of one framework
// version (or of the reference): the duration of every unit, which a run of the same units prints as
// its expected duration at the start (src/cli/expectedDuration.ts).
// Usage: node scripts/durations.mjs reports/conformance/tfjs/4.22.0   (or reports/conformance/reference)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node scripts/durations.mjs reports/conformance/ADAPTER[/VERSION]');
const reference = basename(dir) === 'reference';
const adapter = reference ? 'reference' : basename(join(dir, '..'));
const files = existsSync(join(dir, 'rnn-jac-spec.json'))
  ? [join(dir, 'rnn-jac-spec.json')]
  : readdirSync(dir)
      .map((d) => join(dir, d, 'rnn-jac-spec.json'))
      .filter(existsSync)
      .sort();
const units = {};
const start = {};
let version;
// Only reports of the default sizes: a run prints an expected duration only for those (expectedDuration.ts).
const sizes = { maxN: 64, maxT: 16, runs: 100 };
for (const f of files) {
  const r = JSON.parse(readFileSync(f, 'utf8'));
  version = r.adapter.info?.version;
  const s = { maxN: r.options.maxN, maxT: r.options.maxT, runs: r.options.runs };
  if (JSON.stringify(sizes) !== JSON.stringify(s)) {
    console.warn(`${f}: --max-n ${s.maxN} --max-t ${s.maxT} --runs ${s.runs} are not the default sizes; skipped`);
    continue;
  }
  // What the run spent outside its units: the adapter's start (framework import, backend set-up).
  start[r.results[0]?.target.backend ?? '-'] = Math.max(0, Math.round(r.durationMs - r.results.reduce((t, x) => t + x.durationMs, 0)));
  for (const x of r.results) {
    units[`${x.target.backend ?? '-'}/${x.target.variant ?? '-'}/${x.target.dtype}/${x.property}`] = Math.round(x.durationMs);
  }
}
const doc = {
  version,
  ...sizes,
  measured: `from the committed reports of ${adapter} ${version} in ${dir}, on a 2-core machine; yours may differ`,
  start,
  units,
};
const out = join('adapters', adapter, 'durations.json');
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`${out}: ${Object.keys(units).length} units from ${files.length} report(s)`);
