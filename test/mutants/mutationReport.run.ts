/**
 * `npm run mutants` (not part of `npm test`): a full default run (every property, every dtype the
 * mutant computes in, the CLI's seed, runs and sizes) of every mutant adapter, written to
 * reports/mutation.json and reports/mutation.md: per mutant killed or not, and per failing property
 * the cases generated until the first failure, the adapter calls shrinking took, the size of the
 * shrunk counterexample and its primary diagnosis (the first matching wrong form, or RJS-DIAG-3's reading).
 */
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { failures, runMutant } from './killCheck.js';
import { mutants } from './mutants.js';
import { writeMutationReport, type MutantRow } from './mutationTables.js';

const ROOT = join(import.meta.dirname, '..', '..');
const rows: MutantRow[] = [];

it.each(mutants.map((m) => [m.id, m] as const))('%s', async (_id, m) => {
  const r = await runMutant(m, PROPERTY_IDS, undefined);
  const failed = failures(r).map((f) => {
    const ce = f.counterexample!;
    const c = ce.case as { n: number; m?: number; T?: number };
    return {
      property: f.property,
      dtype: f.target.dtype,
      casesToFirstFailure: ce.failedAfter,
      shrinkCalls: ce.shrinkCalls,
      shrunk: { n: c.n, ...(c.m !== undefined ? { m: c.m } : {}), ...(c.T !== undefined ? { T: c.T } : {}) },
      kind: ce.failure.kind,
      diagnosis: ce.failure.diagnosis?.id,
    };
  });
  rows.push({
    id: m.id,
    description: m.description,
    killed: failed.length > 0,
    properties: r.results.length,
    failed,
    cases: r.summary.cases,
    durationMs: Math.round(r.durationMs),
    ...(m.diagnosis !== undefined ? { expectedDiagnosis: m.diagnosis } : {}),
    ...(m.gap !== undefined ? { gap: m.gap.note } : {}),
    ...(m.survives !== undefined ? { survives: m.survives } : {}),
  });
  // A mutant with a survives note is a finding: the report records it as not killed.
  if (m.survives === undefined) expect(failed.length, `${m.id} survived the default run`).toBeGreaterThan(0);
});

afterAll(() => {
  writeMutationReport(join(ROOT, 'reports', 'mutation.json'), join(ROOT, 'reports', 'mutation.md'), rows);
});
