/**
 * RJS-TOL-FD end to end: a finite-difference adapter built from the reference's forward recurrence
 * passes default runs in every form, dtype and activation; one that differences with a larger step
 * than it declares, or runs its forward pass with Wᵀ, fails; what it does not offer is not applicable.
 * @packageDocumentation
 */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Form } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import type { PropertyId } from '../../src/property/property.js';
import type { PropertyResult, RunResult } from '../../src/result.js';
import { run } from '../../src/runner/run.js';
import { ALL_FORMS, fdAdapter, type FdAdapterOptions } from './fdAdapter.js';

const H = 2 ** -12;

/** A default run (seed 12115063, 100 runs, n ≤ 64, T ≤ 16) of the fd adapter. */
function runFd(o: FdAdapterOptions, properties: readonly PropertyId[] = PROPERTY_IDS): Promise<RunResult> {
  return run({
    adapter: fdAdapter(o),
    adapterSpec: 'fd-reference',
    properties,
    runs: DEFAULTS.runs,
    seed: DEFAULTS.seed,
    maxN: DEFAULTS.maxN,
    maxT: DEFAULTS.maxT,
    timeoutMs: 30_000,
    opts: {},
  });
}

/** The results of one property, one per dtype. */
function of(r: RunResult, id: PropertyId): PropertyResult[] {
  return r.results.filter((x) => x.property === id);
}

describe.each(ALL_FORMS)('a correct finite-difference variant, %s form, every activation (RJS-TOL-FD)', (form: Form) => {
  it('passes every applicable property of a default run in float64 and float32', async () => {
    const r = await runFd({ declared: H, forms: [form] });
    console.log(`fd ${form}: ${r.results.map((x) => `${x.property}/${x.target.dtype} ${x.verdict} ${x.cases} max ${x.maxRatio.toPrecision(2)}`).join('; ')}`);
    expect(r.summary.fail).toBe(0);
    const offered: PropertyId[] = ['step-jacobian', 'input-jacobian', 'forward', ...(form === 'pascanu' ? ['kink-subgradient' as const] : [])];
    for (const id of offered) {
      expect(of(r, id).map((x) => [x.target.dtype, x.verdict, x.cases])).toEqual([
        ['float64', 'pass', 100],
        ['float32', 'pass', 100],
      ]);
    }
    if (form !== 'pascanu') for (const x of of(r, 'kink-subgradient')) expect(x.reason).toBe('the adapter does not implement the pascanu form');
    // A central difference says nothing of the framework's subgradient: no observation is recorded.
    for (const x of of(r, 'kink-subgradient')) expect(x.observations ?? []).toEqual([]);
  });
});

describe('what a finite-difference variant does not offer is not applicable, with the reason', () => {
  it('names the capability left out, or the central difference, for each property', async () => {
    const r = await runFd({ declared: H }, ['sequence-jacobian', 'parameter-gradients', 'adjoint', 'gradient-bound']);
    const reasons = Object.fromEntries(r.results.filter((x) => x.target.dtype === 'float64').map((x) => [x.property, x.reason]));
    expect(r.results.every((x) => x.verdict === 'not-applicable' && x.cases === 0)).toBe(true);
    expect(reasons).toEqual({
      'sequence-jacobian': 'this variant does not offer sequenceJacobian (its capabilities: forward, inputJacobian)',
      'parameter-gradients': 'this variant does not offer parameterGradients (its capabilities: forward, inputJacobian)',
      adjoint: 'this variant does not offer vjp (its capabilities: forward, inputJacobian)',
      'gradient-bound':
        "this variant's step Jacobian is a central difference (RJS-TOL-FD), checked only entry by entry, and it offers no sequenceJacobian to use instead",
    });
  });
});

describe('the finite-difference tolerance is not vacuous', () => {
  it('fails a variant that differences with h = 2^-4 but declares 2^-12, saying what the expected value is', async () => {
    const r = await runFd({ declared: H, used: 2 ** -4 }, ['step-jacobian', 'kink-subgradient']);
    console.log(
      `h too large: ${r.results.map((x) => `${x.property}/${x.target.dtype} ${x.verdict} after ${x.counterexample?.failedAfter} n=${String(x.counterexample?.case.n)}: ${x.counterexample?.failure.summary}`).join('\n')}`,
    );
    expect(r.results.map((x) => x.verdict)).toEqual(['fail', 'fail', 'fail', 'fail']);
    for (const x of r.results) {
      expect(x.counterexample?.failure.kind).toBe('mismatch');
      expect(x.counterexample?.failure.summary).toContain(
        '(a finite-difference interval: the exact range of the central difference with h = 2^-12, plus its roundoff (RJS-TOL-FD))',
      );
    }
  });
  it('fails a variant whose forward pass uses Wᵀ, diagnosed as transpose-W on a 2×2 case', async () => {
    const r = await runFd({ declared: H, transposeW: true }, ['step-jacobian']);
    console.log(
      `transposed W: ${r.results.map((x) => `${x.target.dtype} after ${x.counterexample?.failedAfter}: ${x.counterexample?.failure.summary}`).join('\n')}`,
    );
    for (const x of r.results) {
      expect(x.verdict).toBe('fail');
      expect(x.counterexample?.failure.diagnosis?.id).toBe('transpose-W');
      expect(x.counterexample?.case.n).toBe(2);
      expect(x.counterexample?.failure.summary).toContain('h = 2^-12');
    }
  });
});
