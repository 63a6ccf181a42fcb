/**
 * `npm run mutants` (not part of `npm test`): a full default run (every property, every dtype, the
 * CLI's seed, runs and sizes) of every mutant adapter, written to reports/mutation.json and
 * reports/mutation.md: per mutant killed or not, and per failing property the cases generated until
 * the first failure, the adapter calls shrinking took, and the size of the shrunk counterexample.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { failures, runMutant } from './killCheck.js';
import { mutants } from './mutants.js';

const ROOT = join(import.meta.dirname, '..', '..');
const rows: { id: string; description: string; killed: boolean; properties: number; failed: { property: string; dtype: string; casesToFirstFailure: number; shrinkCalls: number; shrunk: { n: number; m?: number; T?: number }; diagnosis?: string }[]; cases: number; durationMs: number }[] = [];

it.each(mutants.map((m) => [m.id, m] as const))('%s', async (_id, m) => {
  const r = await runMutant(m, PROPERTY_IDS, undefined);
  const failed = failures(r).map((f) => {
    const c = f.counterexample!.case as { n: number; m?: number; T?: number };
    return { property: f.property, dtype: f.target.dtype, casesToFirstFailure: f.counterexample!.failedAfter, shrinkCalls: f.counterexample!.shrinkCalls, shrunk: { n: c.n, ...(c.m !== undefined ? { m: c.m } : {}), ...(c.T !== undefined ? { T: c.T } : {}) }, diagnosis: f.counterexample!.failure.diagnosis?.id };
  });
  rows.push({ id: m.id, description: m.description, killed: failed.length > 0, properties: r.results.length, failed, cases: r.summary.cases, durationMs: Math.round(r.durationMs) });
  expect(failed.length, `${m.id} survived the default run`).toBeGreaterThan(0);
});

afterAll(() => {
  const killed = rows.filter((r) => r.killed).length;
  const doc = { command: 'npm run mutants', seed: 12115063, mutants: rows.length, killed, score: rows.length === 0 ? 0 : killed / rows.length, results: rows };
  writeFileSync(join(ROOT, 'reports', 'mutation.json'), `${JSON.stringify(doc, null, 2)}\n`);
  const first = (r: (typeof rows)[number]) => Math.min(...r.failed.map((f) => f.casesToFirstFailure));
  const smallest = (r: (typeof rows)[number]) => Math.min(...r.failed.map((f) => f.shrunk.n));
  const largest = (r: (typeof rows)[number]) => Math.max(...r.failed.map((f) => f.shrunk.n));
  const calls = rows.flatMap((r) => r.failed.map((f) => f.shrinkCalls)).sort((a, b) => a - b);
  const median = calls.length === 0 ? 0 : calls[Math.floor((calls.length - 1) / 2)];
  const md = [
    `Mutation score: ${killed}/${rows.length} killed by the default run (\`npm run mutants\`).`,
    `Shrinking: ${calls.length} failing property runs; adapter calls from the first failure to the shrunk case: median ${median}, most ${calls[calls.length - 1] ?? 0}.`, '',
    '| mutant | killed | failing properties (of 16 property × dtype runs) | fewest cases to a first failure | shrunk n (smallest–largest) | shrink calls (median) | diagnoses |', '|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const own = r.failed.map((f) => f.shrinkCalls).sort((a, b) => a - b);
      return `| \`${r.id}\` | ${r.killed ? 'yes' : '**no**'} | ${r.failed.length} | ${r.killed ? first(r) : '—'} | ${r.killed ? `${smallest(r)}–${largest(r)}` : '—'} | ${own.length > 0 ? own[Math.floor((own.length - 1) / 2)] : '—'} | ${[...new Set(r.failed.map((f) => f.diagnosis ?? '-'))].join(', ')} |`;
    }),
  ];
  writeFileSync(join(ROOT, 'reports', 'mutation.md'), `${md.join('\n')}\n`);
});
