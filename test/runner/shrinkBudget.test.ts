/**
 * `--max-shrinks`: shrinking stops after the budget, reports the smallest failure found so far and
 * says so; without a budget hit the flag is absent.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import { run } from '../../src/runner/run.js';
import { mutants } from '../mutants/mutants.js';

const transposed = mutants.find((m) => m.id === 'transposed-W')!;

function runWith(maxShrinks: number | undefined) {
  return run({
    adapter: transposed.create(), adapterSpec: `mutant:${transposed.id}`, properties: ['step-jacobian'], dtype: 'float64',
    runs: DEFAULTS.runs, seed: DEFAULTS.seed, maxN: DEFAULTS.maxN, maxT: DEFAULTS.maxT, timeoutMs: 30_000, opts: {}, maxShrinks,
  });
}

describe('shrink budget', () => {
  it('stops shrinking after maxShrinks candidates and flags the counterexample', async () => {
    const full = (await runWith(undefined)).results[0]!;
    const ce = full.counterexample!;
    expect(full.verdict).toBe('fail');
    expect(ce.shrinkBudgetReached).toBeUndefined();
    const budget = 3;
    expect(full.cases - ce.failedAfter).toBeGreaterThan(budget);
    const cut = (await runWith(budget)).results[0]!;
    expect(cut.verdict).toBe('fail');
    expect(cut.counterexample!.shrinkBudgetReached).toBe(true);
    // The first failure, then at most `budget` shrink candidates reach the adapter.
    expect(cut.cases).toBeLessThanOrEqual(cut.counterexample!.failedAfter + budget);
    expect(cut.counterexample!.failure.diagnosis?.id).toBe(ce.failure.diagnosis?.id);
    // Fewer shrinks: the case is no smaller than the fully shrunk one.
    expect(cut.counterexample!.case.n as number).toBeGreaterThanOrEqual(ce.case.n as number);
  });

  it('budget 0 reports the first failing case unshrunk', async () => {
    const r = (await runWith(0)).results[0]!;
    expect(r.cases).toBe(r.counterexample!.failedAfter);
    expect(r.counterexample!.shrinks).toBe(0);
  });
});

describe('shrink budget on a large case', () => {
  it('stops at once on a failure that only large n shows (no walk over the remaining candidates)', async () => {
    const m = mutants.find((x) => x.id === 'large-n-only')!;
    const r = await run({
      adapter: m.create(), adapterSpec: `mutant:${m.id}`, properties: ['step-jacobian'], dtype: 'float64',
      runs: DEFAULTS.runs, seed: DEFAULTS.seed, maxN: DEFAULTS.maxN, maxT: DEFAULTS.maxT, timeoutMs: 30_000, opts: {}, maxShrinks: 10,
    });
    const f = r.results[0]!;
    expect(f.verdict).toBe('fail');
    expect(f.counterexample!.shrinkBudgetReached).toBe(true);
    expect(f.cases).toBeLessThanOrEqual(f.counterexample!.failedAfter + 10);
  });
});
