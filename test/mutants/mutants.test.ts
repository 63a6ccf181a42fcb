import { describe, it } from 'vitest';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { describeKill, expectKilled, expectSurvived, runMutant } from './killCheck.js';
import { mutants } from './mutants.js';

describe('every mutant is killed by a default run of the properties that must catch it (or, with a survives note, still survives)', () => {
  it.each(mutants.map((m) => [m.id, m] as const))('%s', async (_id, m) => {
    const r = await runMutant(m, m.killedBy, m.dtype);
    console.log(describeKill(m, r));
    if (m.survives !== undefined) expectSurvived(m, r);
    else expectKilled(m, r);
  });
});

/** Mutants also run with every property on every dtype: what `rnn-jac-spec --adapter …` does by default. */
const FULL_RUN = ['transposed-W', 'reversed-sequence-product', 'tf32-noise'];

describe('a full default run (all properties, all dtypes) kills', () => {
  it.each(mutants.filter((m) => FULL_RUN.includes(m.id)).map((m) => [m.id, m] as const))('%s', async (_id, m) => {
    const r = await runMutant(m, PROPERTY_IDS, undefined);
    console.log(`full run: ${describeKill(m, r)}`);
    expectKilled(m, r);
  });
});
