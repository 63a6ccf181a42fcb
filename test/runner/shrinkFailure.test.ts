/**
 * shrinkFailure's walk over the candidate stream (RJS-GEN-8): a failure that is not a mismatch tries
 * the sizes, the activation and whole fields only, neither the entries nor the sizes' second pass
 * that follows them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseArbitrary } from '../../src/arbitrary/caseArbitrary.js';
import type { CaseFailureData } from '../../src/result.js';
import { shrinkFailure } from '../../src/runner/shrinkFailure.js';

/** A stand-in arbitrary whose every case has the candidates of the given phases, in that order. */
function streamOf(phases: readonly number[]): CaseArbitrary<number> {
  return {
    *candidates() {
      for (const [k, phase] of phases.entries()) yield new fc.Value(k, { draw: {}, cursor: { phase, item: 0 } });
    },
  } as unknown as CaseArbitrary<number>;
}

const threw: CaseFailureData = { kind: 'threw', quantity: 'stepJacobian', summary: 'boom' };
const mismatch: CaseFailureData = { kind: 'mismatch', quantity: 'J', summary: 'off' };

/** Shrinks a failure of `first` kind where no candidate fails the same way; returns the candidates checked. */
async function checked(first: CaseFailureData, phases: readonly number[]): Promise<number[]> {
  const seen: number[] = [];
  await shrinkFailure(
    { value: new fc.Value(-1, { draw: {}, cursor: { phase: 0, item: 0 } }), outcome: { ok: false, failure: first } },
    {
      arbitrary: streamOf(phases),
      check: async (k) => {
        seen.push(k);
        return { ok: true, ratio: 0 };
      },
      stop: () => undefined,
    },
  );
  return seen;
}

describe('shrinkFailure', () => {
  it('a mismatch tries every candidate, the entries and the sizes once more included', async () => {
    expect(await checked(mismatch, [3, 4, 5, 5, 0, 1])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a failure that is not a mismatch stops before the entries', async () => {
    expect(await checked(threw, [1, 3, 4, 5, 0])).toEqual([0, 1, 2]);
  });

  it('and before the sizes once more where a case has no entries to simplify', async () => {
    expect(await checked(threw, [3, 4, 0, 1, 2])).toEqual([0, 1]);
  });
});
