/**
 * Runs a mutant the way the CLI's default run does and checks that it is killed as its entry says.
 * @packageDocumentation
 */
import { expect } from 'vitest';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Dtype } from '../../src/contract.js';
import type { PropertyId } from '../../src/property/property.js';
import type { PropertyResult, RunResult } from '../../src/result.js';
import { run } from '../../src/runner/run.js';
import type { Mutant } from './mutant.js';

/** Largest shrunk n accepted for a step-Jacobian counterexample when the mutant names none. */
const SMALL_N = 4;

/**
 * A default run (DEFAULTS' seed, runs, maxN and maxT) of `properties` on a fresh mutant; `dtype`
 * undefined runs all its dtypes; `maxShrinks` undefined keeps the default shrink budget.
 */
export function runMutant(m: Mutant, properties: readonly PropertyId[], dtype: Dtype | undefined, maxShrinks?: number): Promise<RunResult> {
  return run({
    adapter: m.create(),
    adapterSpec: `mutant:${m.id}`,
    properties,
    dtype,
    runs: DEFAULTS.runs,
    seed: DEFAULTS.seed,
    maxN: DEFAULTS.maxN,
    maxT: DEFAULTS.maxT,
    timeoutMs: 30_000,
    opts: {},
    maxShrinks,
  });
}

/** The failing results, in run order. */
export function failures(r: RunResult): PropertyResult[] {
  return r.results.filter((x) => x.verdict === 'fail');
}

/** One line for the project notes: for each failing property, cases to the first failure, shrunk sizes, kind and diagnosis. */
export function describeKill(m: Mutant, r: RunResult): string {
  const parts = failures(r).map((f) => {
    const ce = f.counterexample!;
    const T = 'T' in ce.case ? ` T=${String(ce.case.T)}` : '';
    return `${f.property}/${f.target.dtype}: failedAfter=${ce.failedAfter} n=${String(ce.case.n)}${T} ${ce.failure.kind} ${ce.failure.diagnosis?.id ?? '-'}`;
  });
  const note = m.gap !== undefined ? ` [gap: ${m.gap.note}]` : m.survives !== undefined ? ` [survives: ${m.survives}]` : '';
  return `mutant ${m.id} (${Math.round(r.durationMs)} ms): ${parts.length > 0 ? parts.join('; ') : 'SURVIVED'}${note}`;
}

/**
 * Asserts the kill: a failure, one of `killedBy` among them, the diagnosis and kind expected (or the
 * known gap's), and the shrunk n: exactly `shrunkN` (else at most the gap's n) on the `killedBy`
 * properties, and at most {@link SMALL_N} on step-jacobian otherwise.
 */
export function expectKilled(m: Mutant, r: RunResult): void {
  const failed = failures(r);
  expect(r.summary.fail, `mutant ${m.id} survived`).toBeGreaterThanOrEqual(1);
  expect(
    failed.map((f) => f.property).filter((p) => (m.killedBy as readonly string[]).includes(p)),
    `${m.id}: none of ${m.killedBy.join(', ')} failed`,
  ).not.toEqual([]);
  const diagnoses = failed.map((f) => f.counterexample?.failure.diagnosis?.id);
  const accepted = [m.diagnosis, m.gap?.diagnosis].filter((d): d is string => d !== undefined);
  if (accepted.length > 0)
    expect(
      diagnoses.filter((d) => d !== undefined && accepted.includes(d)),
      `${m.id}: diagnoses ${diagnoses.join(', ')}`,
    ).not.toEqual([]);
  if (m.kind !== undefined) expect(failed.map((f) => f.counterexample?.failure.kind)).toContain(m.kind);
  for (const f of failed) {
    const n = f.counterexample!.case.n as number;
    const target = (m.killedBy as readonly string[]).includes(f.property);
    if (target && m.shrunkN !== undefined) expect(n, `${m.id}: shrunk n of ${f.property}`).toBe(m.shrunkN);
    else if (target && m.gap?.n !== undefined) expect(n, `${m.id}: shrunk n of ${f.property}`).toBeLessThanOrEqual(m.gap.n);
    else if (f.property === 'step-jacobian') expect(n, `${m.id}: shrunk n of step-jacobian`).toBeLessThanOrEqual(SMALL_N);
  }
}

/** Asserts that a mutant with a `survives` note still survives: none of its `killedBy` properties fails. */
export function expectSurvived(m: Mutant, r: RunResult): void {
  const killers = failures(r)
    .map((f) => f.property)
    .filter((p) => (m.killedBy as readonly string[]).includes(p));
  expect(killers, `${m.id} is killed now: replace its 'survives' note by what kills it`).toEqual([]);
}
