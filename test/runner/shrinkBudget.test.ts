/**
 * `--max-shrinks`: shrinking stops after the budget, reports the smallest failure found so far and
 * says so; without a budget hit the flag is absent.
 */
import { describe, expect, it } from 'vitest';
import type { PropertyResult } from '../../src/result.js';
import { runMutant } from '../mutants/killCheck.js';
import { mutants } from '../mutants/mutants.js';
import { MAX_PIPELINE_DEPTH } from '../../src/runner/runProperty.js';

/** Cases already under way when the first failure came back: they finish, but decide nothing. */
const AHEAD = MAX_PIPELINE_DEPTH - 1;

/** The step-jacobian result (float64) of mutant `id` under shrink budget `maxShrinks`. */
async function stepResult(id: string, maxShrinks: number | undefined): Promise<PropertyResult> {
  const m = mutants.find((x) => x.id === id)!;
  return (await runMutant(m, ['step-jacobian'], 'float64', maxShrinks)).results[0]!;
}

describe('shrink budget', () => {
  it('stops shrinking after maxShrinks candidates and flags the counterexample', async () => {
    const full = await stepResult('transposed-W', undefined);
    const ce = full.counterexample!;
    expect(full.verdict).toBe('fail');
    expect(ce.shrinkStopped).toBeUndefined();
    const budget = 3;
    expect(full.cases - ce.failedAfter).toBeGreaterThan(budget);
    const cut = await stepResult('transposed-W', budget);
    expect(cut.verdict).toBe('fail');
    expect(cut.counterexample!.shrinkStopped).toBe('max-shrinks');
    // The first failure (and the case under way behind it), then at most `budget` shrink candidates reach the adapter.
    expect(cut.counterexample!.shrinkCalls).toBe(budget);
    expect(cut.cases).toBeLessThanOrEqual(cut.counterexample!.failedAfter + AHEAD + budget);
    expect(cut.counterexample!.failure.diagnosis?.id).toBe(ce.failure.diagnosis?.id);
    // Fewer shrinks: the case is no smaller than the fully shrunk one.
    expect(cut.counterexample!.case.n as number).toBeGreaterThanOrEqual(ce.case.n as number);
  });

  it('budget 0 reports the first failing case unshrunk', async () => {
    const r = await stepResult('transposed-W', 0);
    expect(r.cases).toBeLessThanOrEqual(r.counterexample!.failedAfter + AHEAD);
    expect(r.counterexample!.shrinks).toBe(0);
    expect(r.counterexample!.shrinkCalls).toBe(0);
  });

  it('stops at once on a failure that only large n shows (no walk over the remaining candidates)', async () => {
    const r = await stepResult('large-n-only', 10);
    expect(r.verdict).toBe('fail');
    expect(r.counterexample!.shrinkStopped).toBe('max-shrinks');
    expect(r.counterexample!.shrinkCalls).toBe(10);
    expect(r.cases).toBeLessThanOrEqual(r.counterexample!.failedAfter + AHEAD + 10);
  });
});
