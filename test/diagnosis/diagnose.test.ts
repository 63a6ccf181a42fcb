import { describe, expect, it } from 'vitest';
import type { GeneratedStepCase } from '../../src/arbitrary/stepCase.js';
import { transpose } from '../../src/bound/bounded.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { parameterFamilies } from '../../src/diagnosis/parameterFamilies.js';
import { stepJacobianForms } from '../../src/diagnosis/stepForms.js';
import { expectedStepJacobian } from '../../src/model/expected.js';
import type { Catalogue } from '../../src/diagnosis/formFamily.js';

/** A dense, non-symmetric 3×3 pascanu case with states on both sides of 0, away from 0. */
function stepCase(activation: GeneratedStepCase['activation'], dtype: 'float64' | 'float32' = 'float64', x = [0.7, -0.4, -1.3]): GeneratedStepCase {
  return {
    n: 3,
    m: 1,
    form: 'pascanu',
    activation,
    dtype,
    W: Float64Array.from([0.5, -0.25, 0.75, 0.125, 0.375, -0.625, -0.875, 0.3125, 0.1875]),
    U: Float64Array.from([0.5, -0.5, 0.25]),
    b: Float64Array.from([0.125, -0.25, 0.5]),
    x: Float64Array.from(x),
    u: Float64Array.from([0.5]),
  };
}

function catalogue(c: GeneratedStepCase): Catalogue {
  return [...stepJacobianForms(c), ...parameterFamilies(c, expectedStepJacobian, { scaled: expectedStepJacobian(c) })];
}

describe('diagnose', () => {
  it('fits the slope of a relu that leaks (RJS-DIAG-4)', () => {
    const c = stepCase({ name: 'relu' });
    const actual = expectedStepJacobian({ ...c, activation: { name: 'leakyRelu', alpha: 0.001 } }).v;
    const d = diagnose(catalogue(c), expectedStepJacobian(c), actual, c.dtype);
    expect(d.id).toBe('wrong-slope');
    expect(d.message).toContain('leakyRelu with α = 0.001 where relu was asked');
  });

  it('fits a wrong alpha to its shortest decimal', () => {
    const c = stepCase({ name: 'elu', alpha: 0.7 });
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: a wrong alpha near 0.7 whose shortest decimal is 0.707, not 1/√2
    const actual = expectedStepJacobian({ ...c, activation: { name: 'elu', alpha: 0.707 } }).v;
    const d = diagnose(catalogue(c), expectedStepJacobian(c), actual, c.dtype);
    expect(d.id).toBe('wrong-alpha');
    expect(d.message).toContain('α = 0.707 where α = 0.7 was asked');
  });

  it('names a constant factor, but not one within 5 % of 1 (that is reduced precision)', () => {
    const c = stepCase({ name: 'tanh' });
    const e = expectedStepJacobian(c);
    expect(
      diagnose(
        catalogue(c),
        e,
        e.v.map((x) => 0.5 * x),
        c.dtype,
      ).id,
    ).toBe('scaled');
    expect(
      diagnose(
        catalogue(c),
        e,
        e.v.map((x) => 0.999 * x),
        c.dtype,
      ).id,
    ).toBe('reduced-precision');
  });

  it('says when every entry read as reduced precision carries one relative error, which a shared factor gives too', () => {
    const c = stepCase({ name: 'tanh' });
    const e = expectedStepJacobian(c);
    const together = diagnose(
      catalogue(c),
      e,
      e.v.map((x) => 0.999 * x),
      c.dtype,
    );
    expect(together.id).toBe('reduced-precision');
    expect(together.message).toContain('all 9 carry the same relative error (-0.00100)');
    // Errors that differ from entry to entry, as rounding to a narrower format makes them: no such clause.
    const apart = diagnose(
      catalogue(c),
      e,
      e.v.map((x, i) => (1 + (i % 2 === 0 ? -1 : 1) * 0.001 * (1 + i / 10)) * x),
      c.dtype,
    );
    expect(apart.id).toBe('reduced-precision');
    expect(apart.message).not.toContain('same relative error');
  });

  it('does not fit a parameter from fewer than three entries that depend on it', () => {
    // n = 1: one entry depends on the slope, and a slope fitted to it would match any value.
    const c: GeneratedStepCase = {
      ...stepCase({ name: 'relu' }),
      n: 1,
      m: 1,
      W: Float64Array.from([0.5]),
      U: Float64Array.from([1]),
      b: Float64Array.from([0]),
      x: Float64Array.from([-1]),
    };
    const actual = Float64Array.from([0.0005]);
    expect(diagnose(catalogue(c), expectedStepJacobian(c), actual, c.dtype).id).not.toBe('wrong-slope');
  });

  it('recognises a wrong layout computed in a narrower format at once (RJS-DIAG-5)', () => {
    const c = stepCase({ name: 'tanh' }, 'float32');
    const e = expectedStepJacobian(c);
    const t = transpose(e).v;
    const actual = t.map((x, i) => x * (1 + (i % 2 === 0 ? 1 : -1) * 2 ** -12));
    const d = diagnose(catalogue(c), e, actual, c.dtype);
    expect(d.id).toBe('transposed-jacobian');
    expect(d.also).toBe('reduced-precision');
  });

  it('never names a form that matches only across a kink; it mentions it', () => {
    const c = stepCase({ name: 'tanh' });
    const e = expectedStepJacobian(c);
    const loose = {
      id: 'loose-form',
      formula: 'anything',
      message: 'accepts a whole interval',
      value: { ...e, v: e.v.map((x) => x + 20), e: e.e.map(() => 10) },
    };
    const actual = e.v.map((x) => x + 15);
    const d = diagnose([loose], e, actual, c.dtype);
    expect(d.id).toBe('unknown');
    expect(d.message).toContain('also matches loose-form, but only loosely');
  });

  it('never names a form that the expected value matches too (it explains nothing)', () => {
    // tanh at x = 0: σ' ≡ 1, so "σ' missing" (W) is the right answer on this case.
    const c = stepCase({ name: 'tanh' }, 'float64', [0, 0, 0]);
    const e = expectedStepJacobian(c);
    const d = diagnose(
      catalogue(c),
      e,
      e.v.map((x, i) => x * (1 + (i % 2 === 0 ? 1 : -1) * 2 ** -40)),
      c.dtype,
    );
    expect(d.id).not.toBe('no-activation-derivative');
  });

  it('lists the forms a special case cannot tell apart', () => {
    const c = stepCase({ name: 'identity' });
    const e = expectedStepJacobian(c);
    const d = diagnose(catalogue(c), e, transpose(e).v, c.dtype);
    expect(d.id).toBe('transpose-W');
    expect(d.alsoMatches).toContain('transposed-jacobian');
  });
});
