/**
 * shrinkFailure's walk over the candidate stream (RJS-GEN-8): a mismatch asks for the whole stream, a
 * failure of another kind for the stream without entries (which also leaves out the sizes' second
 * pass that follows them: test/arbitrary/shrinkDraw.test.ts), and a candidate's index is its place in
 * the stream it was asked for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseArbitrary } from '../../src/arbitrary/caseArbitrary.js';
import type { CaseFailureData } from '../../src/result.js';
import { shrinkFailure } from '../../src/runner/shrinkFailure.js';

const threw: CaseFailureData = { kind: 'threw', quantity: 'stepJacobian', summary: 'boom' };
const mismatch: CaseFailureData = { kind: 'mismatch', quantity: 'J', summary: 'off' };

/** Shrinks a failure of `first` kind where no candidate fails the same way; returns the `entries` flags the stream was asked with and the candidates checked. */
async function walk(first: CaseFailureData): Promise<{ asked: boolean[]; seen: number[] }> {
  const asked: boolean[] = [];
  const seen: number[] = [];
  // A stand-in stream: three candidates, and two more of entries when they are asked for.
  const arbitrary = {
    *candidates(_context: unknown, entries: boolean) {
      asked.push(entries);
      for (let k = 0; k < (entries ? 5 : 3); k++) yield new fc.Value(k, { draw: {}, cursor: { phase: 0, item: 0 } });
    },
  } as unknown as CaseArbitrary<number>;
  await shrinkFailure(
    { value: new fc.Value(-1, { draw: {}, cursor: { phase: 0, item: 0 } }), outcome: { ok: false, failure: first } },
    {
      arbitrary,
      check: async (k) => {
        seen.push(k);
        return { ok: true, ratio: 0 };
      },
      stop: () => undefined,
    },
  );
  return { asked, seen };
}

describe('shrinkFailure', () => {
  it('a mismatch walks the whole stream, entries included', async () => {
    expect(await walk(mismatch)).toEqual({ asked: [true], seen: [0, 1, 2, 3, 4] });
  });

  it('a failure that is not a mismatch walks the stream without entries', async () => {
    expect(await walk(threw)).toEqual({ asked: [false], seen: [0, 1, 2] });
  });
});
