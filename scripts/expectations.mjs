// Writes the expectation file of a framework version (docs/expectation-files.md) from its committed
// conformance reports: one entry per backend, dtype, property and finding, listing the variants that
// fail so, with the finding as the reason (FRAMEWORK-findings.mjs), pinned to the failure kinds and
// diagnosis IDs those failures have (no diagnosis pin when one of them has no diagnosis). With it, a
// run that reproduces the committed reports exits 0, a fixed finding shows as XPASS, and a unit that
// fails in another way fails the run.
// Usage: node scripts/expectations.mjs reports/conformance/jax-js/0.1.25 (the folder names the framework)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: node scripts/expectations.mjs reports/conformance/ADAPTER/VERSION');
const adapter = basename(dirname(dir));
const { finding, FINDINGS } = await import(`./${adapter}-findings.mjs`);
const entries = new Map();
let version;
let framework;
for (const device of readdirSync(dir)
  .filter((d) => existsSync(join(dir, d, 'rnn-jac-spec.json')))
  .sort()) {
  const report = JSON.parse(readFileSync(join(dir, device, 'rnn-jac-spec.json'), 'utf8'));
  version = report.adapter.info.version;
  framework = report.adapter.info.framework;
  for (const x of report.results.filter((r) => r.verdict === 'fail')) {
    const k = finding(x);
    if (FINDINGS[k] === undefined)
      throw new Error(
        `${device} ${x.property} ${x.target.variant} ${x.target.dtype}: a failure that no finding explains (${x.counterexample.failure.summary.slice(0, 200)})`,
      );
    const key = [x.target.backend, x.target.dtype, x.property, k].join(' ');
    const e = entries.get(key) ?? {
      property: x.property,
      backend: x.target.backend,
      dtype: x.target.dtype,
      variant: [],
      kind: new Set(),
      diagnosis: new Set(),
      reason: FINDINGS[k],
    };
    e.variant.push(x.target.variant);
    const f = x.counterexample.failure;
    // Report version 1 called wrong-shape failures "shape".
    e.kind.add(f.kind === 'shape' ? 'wrong-shape' : f.kind);
    e.diagnosis.add(f.diagnosis?.id);
    entries.set(key, e);
  }
}
/** The entry as the file has it: pins as sorted lists, and no diagnosis pin where a failure has no diagnosis. */
function pinned({ kind, diagnosis, reason, ...selectors }) {
  const ids = [...diagnosis];
  return { ...selectors, kind: [...kind].sort(), ...(ids.includes(undefined) ? {} : { diagnosis: ids.sort() }), reason };
}
const doc = {
  description: `known failures of ${framework} ${version}, from the committed reports in ${dir} (scripts/expectations.mjs)`,
  expectations: [...entries.values()].map(pinned),
};
writeFileSync(join(dir, 'expectations.json'), `${JSON.stringify(doc, null, 2)}\n`);
console.log(`${join(dir, 'expectations.json')}: ${doc.expectations.length} entries`);
