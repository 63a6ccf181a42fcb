/**
 * What the session cache shares: one session per graph structure, whatever n, m and the batch are
 * (sizes are symbolic dimensions); a new one where the equalities among the sizes, T or alpha differ.
 * And the protobuf writer's wire format.
 */
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientGraphVariant } from '../../adapters/onnxruntime/gradientGraph.js';
import { ProtoWriter } from '../../adapters/onnxruntime/protobuf.js';
import { provider } from '../../adapters/onnxruntime/providers.js';
import { SessionCache } from '../../adapters/onnxruntime/sessions.js';
import { symbolicSizes } from '../../adapters/onnxruntime/shapes.js';
import type { ActivationRef, StepCase } from '../../src/contract.js';

const cache = new SessionCache(ort, provider(ort, 'cpu'));
afterAll(() => cache.release());

/** A float64 pascanu step case with W = (1, 2, …, n²)/n² and the other vectors fixed. */
function stepCase(n: number, m: number, activation: ActivationRef = { name: 'identity' }): StepCase {
  const fill = (k: number, f: (i: number) => number) => Float64Array.from({ length: k }, (_, i) => f(i));
  return {
    n,
    m,
    form: 'pascanu',
    activation,
    dtype: 'float64',
    variant: undefined,
    W: fill(n * n, (i) => (i + 1) / (n * n)),
    U: fill(n * m, () => 0.5),
    b: fill(n, () => 0.25),
    x: fill(n, (i) => i / n - 0.5),
    u: fill(m, () => 1),
  };
}

describe('onnxruntime session cache', () => {
  it('runs every n and m with the same equalities on one session', async () => {
    const v = gradientGraphVariant(cache);
    const before = cache.size;
    for (const [n, m] of [
      [3, 2],
      [5, 4],
      [17, 9],
    ]) {
      const c = stepCase(n, m);
      // With σ the identity, ∂x_t/∂x_{t−1} is W itself: the sizes fed are the sizes computed.
      expect(await v.stepJacobian(c)).toEqual(c.W);
    }
    expect(cache.size - before).toBe(1);
    // n = m and n = 1 are other graphs (equal symbols, a literal 1); so is another alpha.
    await v.stepJacobian(stepCase(4, 4));
    await v.stepJacobian(stepCase(1, 3));
    await v.stepJacobian(stepCase(3, 2, { name: 'leakyRelu', alpha: 0.25 }));
    await v.stepJacobian(stepCase(3, 2, { name: 'leakyRelu', alpha: 0.5 }));
    expect(cache.size - before).toBe(5);
  });

  it('names sizes by their equalities and keeps 1 and the fixed sizes as numbers', () => {
    expect(symbolicSizes({ n: 5, m: 3, Bx: 5, Bu: 1 })).toEqual({ dims: { n: 'n', m: 'm', Bx: 'n', Bu: 1 }, pattern: 'n,m,n,1' });
    expect(symbolicSizes({ n: 7, m: 2, Bx: 14, Bu: 1 }).pattern).toBe(symbolicSizes({ n: 3, m: 9, Bx: 6, Bu: 1 }).pattern);
    expect(symbolicSizes({ T: 4, B: 1, m: 4, n: 4, n2: 8 }, ['n', 'n2']).pattern).toBe('4,1,4,4,8');
    expect(() => symbolicSizes({ n: 0 })).toThrow(/size n = 0/);
  });
});

describe('protobuf writer', () => {
  it('writes varints, two-complement negatives, floats, strings and messages as protobuf does', () => {
    const bytes = (w: ProtoWriter) => [...w.finish()];
    expect(bytes(new ProtoWriter().int(1, 150))).toEqual([0x08, 0x96, 0x01]);
    expect(bytes(new ProtoWriter().int(1, 2 ** 40))).toEqual([0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(bytes(new ProtoWriter().int(1, -1))).toEqual([0x08, ...Array(9).fill(0xff), 0x01]);
    expect(bytes(new ProtoWriter().float(2, 1))).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
    expect(bytes(new ProtoWriter().string(2, 'testing'))).toEqual([0x12, 0x07, ...Buffer.from('testing')]);
    expect(bytes(new ProtoWriter().string(2, 'σ′'))).toEqual([0x12, 0x05, ...Buffer.from('σ′')]);
    const inner = new ProtoWriter().int(1, 150);
    expect(bytes(new ProtoWriter().message(3, inner))).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
    const big = new Uint8Array(1000).map((_, i) => i % 251);
    expect(bytes(new ProtoWriter().message(4, new ProtoWriter().bytes(1, big)))).toEqual([0x22, 0xeb, 0x07, 0x0a, 0xe8, 0x07, ...big]);
  });
});
