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
    expect(validateAdapter(withScope({ finiteDifference: { step: 2 ** -1074 } }))).toEqual([]);
  });
  it.each([3, 0, -(2 ** -12), 0.3, Infinity, Number.NaN, '2^-12', undefined])('rejects the step %s', (step) => {
    expect(validateAdapter(withScope({ finiteDifference: { step } })).join('\n')).toMatch(/variantScopes\.fd\.finiteDifference\.step must be a positive power of two/);
  });
  it('rejects a finiteDifference that is not an object', () => {
    expect(validateAdapter(withScope({ finiteDifference: 2 ** -12 })).join('\n')).toMatch(/finiteDifference\.step must be a positive power of two/);
  });
  it('rejects capabilities the adapter does not implement, or that are not optional methods', () => {
    for (const capabilities of [['jvp'], ['info'], ['stepJacobian'], 'forward', [1]]) {
      expect(validateAdapter(withScope({ capabilities })).join('\n')).toMatch(/variantScopes\.fd\.capabilities must list methods the adapter implements \(it implements: inputJacobian, sequenceJacobian, parameterGradients, vjp, forward\)/);
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
