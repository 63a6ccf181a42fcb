import { describe, expect, it } from 'vitest';
import type { GeneratedStepCase } from '../../src/arbitrary/stepCase.js';
import { transpose } from '../../src/bound/bounded.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { stepJacobianForms } from '../../src/diagnosis/stepForms.js';
import { expectedStepJacobian } from '../../src/model/expected.js';
import type { CaseOutcome } from '../../src/runner/caseOutcome.js';
import { followUp } from '../../src/runner/followUp.js';
import type { CaseFailureData } from '../../src/result.js';

/** The failure a transposed Jacobian gives on a case, as the step-jacobian property reports it. */
function transposedFailure(c: GeneratedStepCase): CaseFailureData {
  const e = expectedStepJacobian(c);
  const d = diagnose(stepJacobianForms(c), e, transpose(e).v, c.dtype);
  return { kind: 'mismatch', quantity: '∂x_t/∂x_{t-1}', summary: `J differs; ${d.message}`, diagnosis: d };
}

const shrunk: GeneratedStepCase = {
  n: 2,
  m: 1,
  form: 'pascanu',
  activation: { name: 'identity' },
  dtype: 'float64',
  W: Float64Array.from([0, 1, 0, 0]),
  U: Float64Array.from([0, 0]),
  b: Float64Array.from([0, 0]),
  x: Float64Array.from([0, 0]),
  u: Float64Array.from([0]),
};

describe('followUp (RJS-DIAG-6)', () => {
  it('breaks the σ = identity tie of a transposed Jacobian with a tanh case whose σ′ differs per entry', async () => {
    const first = transposedFailure(shrunk);
    expect(first.diagnosis?.alsoMatches).toEqual(['transposed-jacobian']);
    const checked: unknown[] = [];
    const check = async (k: unknown): Promise<CaseOutcome> => (checked.push(k), { ok: false, failure: transposedFailure(k as GeneratedStepCase) });
    const r = await followUp(first, shrunk, { activations: ['identity', 'tanh'], variant: undefined, check });
    expect(checked).toHaveLength(1);
    expect((checked[0] as GeneratedStepCase).activation.name).toBe('tanh');
    expect(r.diagnosis?.id).toBe('transposed-jacobian');
    expect(r.diagnosis?.followUp?.tied).toEqual(['transpose-W', 'transposed-jacobian']);
    expect(r.summary).toContain('a follow-up case');
  });

  it('keeps the tie, and says so, when the follow-up does not fail the same way', async () => {
    const first = transposedFailure(shrunk);
    const r = await followUp(first, shrunk, { activations: ['identity', 'tanh'], variant: undefined, check: async () => ({ ok: true, ratio: 0.1 }) });
    expect(r.diagnosis?.id).toBe('transpose-W');
    expect(r.diagnosis?.message).toContain('did not fail the same way, so the tie stands');
  });

  it('runs nothing without a tie, or without a smooth activation the adapter supports', async () => {
    let calls = 0;
    const check = async (): Promise<CaseOutcome> => (calls++, { ok: true, ratio: 0 });
    const untied = transposedFailure({ ...shrunk, activation: { name: 'tanh' }, x: Float64Array.from([0.3, -0.6]) });
    expect(await followUp(untied, shrunk, { activations: ['tanh'], variant: undefined, check })).toBe(untied);
    const tied = transposedFailure(shrunk);
    expect(await followUp(tied, shrunk, { activations: ['identity', 'relu'], variant: undefined, check })).toBe(tied);
    expect(calls).toBe(0);
  });
});
