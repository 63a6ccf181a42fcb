import { describe, expect, it } from 'vitest';
import { validateAdapter } from '../../src/adapters/validateAdapter.js';
import type { Adapter } from '../../src/contract.js';
import { missing } from '../../src/property/property.js';
import { fdAdapter } from './fdAdapter.js';
import { declarationOf } from '../../src/host/adapterDeclaration.js';

/** The fd adapter with its `fd` scope replaced. */
function withScope(scope: Record<string, unknown>): Adapter {
  return { ...fdAdapter({ declared: 2 ** -12 }), variantScopes: { fd: scope } } as unknown as Adapter;
}

describe('variantScopes: capabilities and finiteDifference (RJS-CONV-8)', () => {
  it('accepts the fd adapter as declared', () => {
    expect(validateAdapter(fdAdapter({ declared: 2 ** -12 }))).toEqual([]);
    expect(validateAdapter(withScope({ finiteDifference: { step: 2 ** -6 } }))).toEqual([]);
    expect(validateAdapter(withScope({ finiteDifference: { step: 2 ** -18 } }))).toEqual([]);
  });
  // A step of 2^40 turns every central difference of a saturating σ into ~0, so an adapter that
  // returns zeros would pass; a tiny one makes F(z + h) − F(z − h) pure roundoff.
  it.each([2 ** 40, 1, 2 ** -5])('rejects the step %s: too large to measure a derivative', (step) => {
    expect(validateAdapter(withScope({ finiteDifference: { step } })).join('\n')).toMatch(/finiteDifference\.step is 2\^-?\d+: at most 2\^-6/);
  });
  it('rejects a step below 2^6·u of a dtype the variant computes in', () => {
    expect(validateAdapter(withScope({ finiteDifference: { step: 2 ** -19 } })).join('\n')).toMatch(/step is 2\^-19: at least 2\^-18 in float32/);
    expect(validateAdapter(withScope({ dtypes: ['float64'], finiteDifference: { step: 2 ** -19 } }))).toEqual([]);
    expect(validateAdapter(withScope({ dtypes: ['float64'], finiteDifference: { step: 2 ** -48 } })).join('\n')).toMatch(/at least 2\^-47 in float64/);
  });
  it.each([3, 0, -(2 ** -12), 0.3, Infinity, Number.NaN, '2^-12', undefined])('rejects the step %s', (step) => {
    expect(validateAdapter(withScope({ finiteDifference: { step } })).join('\n')).toMatch(
      /variantScopes\.fd\.finiteDifference\.step must be a positive power of two/,
    );
  });
  it('rejects a finiteDifference that is not an object', () => {
    expect(validateAdapter(withScope({ finiteDifference: 2 ** -12 })).join('\n')).toMatch(/finiteDifference\.step must be a positive power of two/);
  });
  it('rejects capabilities the adapter does not implement, or that are not optional methods', () => {
    for (const capabilities of [['jvp'], ['info'], ['stepJacobian'], 'forward', [1]]) {
      expect(validateAdapter(withScope({ capabilities })).join('\n')).toMatch(
        /variantScopes\.fd\.capabilities must list methods the adapter implements \(it implements: inputJacobian, sequenceJacobian, parameterGradients, vjp, forward\)/,
      );
    }
  });
});

describe('missing(): what a property needs, by adapter and by variant', () => {
  const a = fdAdapter({ declared: 2 ** -12 });
  it('names a member the adapter lacks', () => {
    expect(missing(declarationOf(a), undefined, 'jvp')).toBe('the adapter does not implement jvp');
  });
  it('names a member the variant leaves out of its capabilities, and lists them', () => {
    expect(missing(declarationOf(a), a.variantScopes?.fd, 'vjp')).toBe('this variant does not offer vjp (its capabilities: forward, inputJacobian)');
    expect(missing(declarationOf(a), { capabilities: [] }, 'forward')).toBe('this variant does not offer forward (its capabilities: none)');
  });
  it('is undefined for a member both have, and for any member without capabilities', () => {
    expect(missing(declarationOf(a), a.variantScopes?.fd, 'inputJacobian')).toBeUndefined();
    expect(missing(declarationOf(a), {}, 'vjp')).toBeUndefined();
  });
});
