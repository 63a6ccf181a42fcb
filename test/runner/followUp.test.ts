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

/** The failure of a step case whose Jacobian the adapter gave as `actual`, as the step-jacobian property reports it. */
function failureWith(c: GeneratedStepCase, actual: (c: GeneratedStepCase) => ArrayLike<number>): CaseFailureData {
  const d = diagnose(stepJacobianForms(c), expectedStepJacobian(c), actual(c), c.dtype);
  return { kind: 'mismatch', quantity: '∂x_t/∂x_{t-1}', summary: `J differs; ${d.message}`, diagnosis: d };
}

/** tanh' taken as 1 − tanh x (not squared): wrong by about x, so right to about x near 0. */
const unsquared = (c: GeneratedStepCase): Float64Array => Float64Array.from({ length: c.n * c.n }, (_, k) => c.W[k] * (1 - Math.tanh(c.x[k % c.n])));

/** Every entry off by 2⁻³⁰ relative, with a sign per entry: arithmetic that loses accuracy, at any state. */
const noisy = (c: GeneratedStepCase): Float64Array => {
  const e = expectedStepJacobian(c).v;
  return Float64Array.from(e, (v, k) => v * (1 + (k % 2 === 0 ? 1 : -1) * 2 ** -30));
};

const nearZero: GeneratedStepCase = {
  ...shrunk,
  activation: { name: 'tanh' },
  W: Float64Array.from([0.5, -0.25, 0.75, 0.5]),
  x: Float64Array.from([3e-5, -2e-5]),
};

describe('followUp (RJS-DIAG-7)', () => {
  const checkWith =
    (actual: (c: GeneratedStepCase) => ArrayLike<number>, checked: unknown[]) =>
    async (k: unknown): Promise<CaseOutcome> => {
      checked.push(k);
      return { ok: false, failure: failureWith(k as GeneratedStepCase, actual) };
    };

  it('withdraws a precision reading when the case with its states away from 0 fails otherwise', async () => {
    const first = failureWith(nearZero, unsquared);
    const reading = first.diagnosis?.id ?? '';
    expect(['inaccurate', 'reduced-precision']).toContain(reading);
    const checked: unknown[] = [];
    const r = await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: checkWith(unsquared, checked), property: 'step-jacobian' });
    expect(checked).toHaveLength(1);
    expect(Array.from((checked[0] as GeneratedStepCase).x)).toEqual([0.25, -0.75]);
    expect((checked[0] as GeneratedStepCase).activation.name).toBe('tanh');
    expect(r.diagnosis?.id).toBe('unknown');
    expect(r.diagnosis?.followUp?.tied).toEqual([reading]);
    expect(r.diagnosis?.followUp?.diagnosis).toBe('unknown');
    expect(r.summary).toContain(`on the shrunk case it reads as ${reading}, but a follow-up case with the states away from 0`);
  });

  it('names the failure by the one wrong form the follow-up matches; a tie there leaves it unknown', async () => {
    const first = failureWith(nearZero, unsquared);
    const named = (alsoMatches?: string[]) => async (): Promise<CaseOutcome> => ({
      ok: false,
      failure: {
        kind: 'mismatch',
        quantity: '∂x_t/∂x_{t-1}',
        summary: 'J differs',
        diagnosis: {
          id: 'derivative-at-next-state',
          message: "σ' is taken at the wrong time step",
          formula: "W·diag(σ'(x_t))",
          ...(alsoMatches ? { alsoMatches } : {}),
        },
      },
    });
    const r = await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: named(), property: 'step-jacobian' });
    expect(r.diagnosis?.id).toBe('derivative-at-next-state');
    expect(r.diagnosis?.formula).toBe("W·diag(σ'(x_t))");
    expect(r.diagnosis?.followUp?.tied).toEqual([first.diagnosis?.id]);
    expect(r.diagnosis?.message).toContain('a follow-up case with the states away from 0 (x_{t-1} = 0.250, -0.750) matches only this form');
    const tied = await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: named(['negated']), property: 'step-jacobian' });
    expect(tied.diagnosis?.id).toBe('unknown');
  });

  it('keeps a precision reading that the follow-up reads the same, or passes', async () => {
    const first = failureWith(nearZero, noisy);
    expect(['inaccurate', 'reduced-precision']).toContain(first.diagnosis?.id);
    const checked: unknown[] = [];
    expect(await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: checkWith(noisy, checked), property: 'step-jacobian' })).toBe(
      first,
    );
    expect(checked).toHaveLength(1);
    const passes = async (): Promise<CaseOutcome> => ({ ok: true, ratio: 0.1 });
    expect(await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: passes, property: 'step-jacobian' })).toBe(first);
  });

  it('runs none for a kink case, whose states stay on their kinks', async () => {
    const first = failureWith(nearZero, unsquared);
    const checked: unknown[] = [];
    expect(
      await followUp(first, nearZero, { activations: ['tanh'], variant: undefined, check: checkWith(unsquared, checked), property: 'kink-subgradient' }),
    ).toBe(first);
    expect(checked).toHaveLength(0);
  });
});
