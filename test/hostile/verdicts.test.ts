/**
 * Wrong adapters exit non-zero with the failure that names their defect (inputs written, products
 * transposed or zero), declarations that would test nothing exit 2, and a correct adapter passes:
 * the suite fails a good adapter only for a true defect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectReportSet, expectStartFault, failed, failureOf, removeReportDirs, runAdapter } from './hostile.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

const STEP = ['--properties', 'step-jacobian', '--runs', '10'];

describe('an adapter that writes into its inputs fails with mutated-input', () => {
  it('a transpose of W in place (returning Wᵀ·diag(σ′)) names the entry of W', () => {
    const r = runAdapter('transpose-in-place.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('mutated-input');
    expect(f.summary).toContain('adapter mutated its input W (entry [');
  });

  it('zeroing every input array (and returning zeros) is mutated-input, not a mere mismatch', () => {
    const r = runAdapter('zero-inputs.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    expect(failureOf(expectReportSet(r.dir), 'step-jacobian').kind).toBe('mutated-input');
  });

  it('overwriting c.activation.alpha names activation.alpha', () => {
    const r = runAdapter('mutate-activation.mjs', STEP);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('mutated-input');
    expect(f.summary).toContain('activation.alpha');
  });

  // In-process mode cannot isolate the adapter, but it still hands it private copies and compares them.
  it('--isolation none still catches the in-place transpose', () => {
    const r = runAdapter('transpose-in-place.mjs', [...STEP, '--isolation', 'none']);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'step-jacobian');
    expect(f.kind).toBe('mutated-input');
    expect(f.summary).toContain('adapter mutated its input W (entry [');
  });
});

describe('adjoint products that agree with each other but not with J', () => {
  // Shrinking may leave a v on which J·v and Jᵀ·v agree (v = 0): then the JVP is the side that is wrong.
  it('vjp = J·v and jvp = Jᵀ·w fails, diagnosed as vjp-applies-J or jvp-applies-Jt', () => {
    const r = runAdapter('adjoint-transposed.mjs', ['--properties', 'adjoint', '--runs', '10']);
    expect(r.status, r.stderr).toBe(1);
    const f = failureOf(expectReportSet(r.dir), 'adjoint');
    expect(['vjp-applies-J', 'jvp-applies-Jt']).toContain(f.diagnosis?.id);
  });

  it('vjp and jvp that both return zeros fail', () => {
    const r = runAdapter('adjoint-zero.mjs', ['--properties', 'adjoint', '--runs', '10']);
    expect(r.status, r.stderr).toBe(1);
    expect(failed(expectReportSet(r.dir)).map((p) => p.property)).toEqual(['adjoint']);
  });
});

describe('declarations that would test nothing exit 2', () => {
  it('activations: [] says nothing was tested, with the whole report set', () => {
    const r = runAdapter('no-activations.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nothing was tested');
    expectReportSet(r.dir);
  });

  it("activations: ['Tanh'] suggests 'tanh', before any case", () => {
    const r = runAdapter('typo-activation.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'Tanh' is not in the catalogue; did you mean 'tanh'?");
    expectStartFault(r.dir);
  });

  it("dtypes: ['float64', 'float64'] is refused as listed more than once", () => {
    const r = runAdapter('duplicate-dtype.mjs', STEP);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('more than once');
    expectStartFault(r.dir);
  });
});

describe('a correct adapter passes', () => {
  it('base.mjs: exit 0, every applicable unit PASS, whole report set', () => {
    const r = runAdapter('base.mjs', ['--runs', '10']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = expectReportSet(r.dir);
    expect(report.summary.fail).toBe(0);
    expect(report.summary.pass).toBeGreaterThan(0);
  });

  it('base.mjs under --isolation none passes too', () => {
    const r = runAdapter('base.mjs', [...STEP, '--isolation', 'none']);
    expect(r.status, r.stderr).toBe(0);
    expect(expectReportSet(r.dir).summary).toMatchObject({ pass: 1, fail: 0 });
  });
});
