import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrawContext } from '../../src/arbitrary/caseArbitrary.js';
import type { CaseDraw } from '../../src/arbitrary/caseDraw.js';
import { drawSequenceCase } from '../../src/arbitrary/sequenceCase.js';
import { SHRINK_START, shrinkDraw, simplerValues, type ShrinkLimits } from '../../src/arbitrary/shrinkDraw.js';
import { drawStepCase, stepCase, type StepCaseConstraints } from '../../src/arbitrary/stepCase.js';
import type { Dtype } from '../../src/contract.js';
import { caseRandom } from '../../src/runner/caseRandom.js';

const LIMITS: ShrinkLimits = { minN: 1, minT: 1, activations: ['tanh'], entries: true, minBias: 0 };
const STEP: StepCaseConstraints = { maxN: 8, minN: 8, maxT: 1, maxM: 3, dtype: 'float64', forms: ['pascanu'], activations: ['tanh'] };

function first(d: CaseDraw, k: number): CaseDraw[] {
  const out: CaseDraw[] = [];
  for (const [c] of shrinkDraw(d, SHRINK_START, LIMITS)) {
    out.push(c);
    if (out.length === k) break;
  }
  return out;
}

describe('shrinkDraw order', () => {
  it('tries leading blocks first: n = 1, 5, 7 for n = 8 (min, then halving the distance)', () => {
    const d = drawStepCase(caseRandom(1, 0), STEP, false);
    expect(d.n).toBe(8);
    const cands = first(d, 3);
    expect(cands.map((c) => c.n)).toEqual([1, 5, 7]);
    for (const c of cands) {
      expect([c.m, c.T]).toEqual([d.m, d.T]);
      for (let i = 0; i < c.n; i++) {
        for (let j = 0; j < c.n; j++) expect(c.W[i * c.n + j]).toBe(d.W[i * d.n + j]);
        for (let j = 0; j < c.m; j++) expect(c.U[i * c.m + j]).toBe(d.U[i * d.m + j]);
      }
      expect(Array.from(c.x)).toEqual(Array.from(d.x.slice(0, c.n)));
      expect(Array.from(c.b)).toEqual(Array.from(d.b.slice(0, c.n)));
    }
  });

  it('shrinks T by prefixes, keeping the leading inputs and loss weights', () => {
    const d = drawSequenceCase(caseRandom(2, 0), { ...STEP, minN: 4, maxN: 4, minT: 6, maxT: 6 }, true);
    const cands = [...shrinkDraw(d, SHRINK_START, LIMITS)].filter(([, cursor]) => cursor.phase === 1).map(([c]) => c);
    expect(cands.map((c) => [c.n, c.m, c.T])).toEqual([
      [4, d.m, 1],
      [4, d.m, 4],
      [4, d.m, 5],
    ]);
    for (const c of cands) {
      expect(Array.from(c.u)).toEqual(Array.from(d.u.slice(0, c.T * d.m)));
      expect(Array.from(c.cs)).toEqual(Array.from(d.cs.slice(0, c.T * d.n)));
      expect(Array.from(c.W)).toEqual(Array.from(d.W));
    }
  });
});

describe('shrinkDraw: the sizes once more after the entries (RJS-GEN-8 step 7)', () => {
  const d = drawSequenceCase(caseRandom(3, 0), { ...STEP, minN: 4, maxN: 4, minT: 3, maxT: 3 }, true);
  const sizes = (stream: Iterable<[CaseDraw, { phase: number }]>): [number, number, number][] =>
    [...stream].filter(([, cursor]) => cursor.phase <= 2).map(([c]) => [c.n, c.T, c.m]);

  it('a stream that starts at the entries ends with the size candidates, each starting over at step 1', () => {
    const later = [...shrinkDraw(d, { phase: 5, item: 0 }, LIMITS)];
    const firstSize = later.findIndex(([, cursor]) => cursor.phase === 0);
    expect(firstSize).toBeGreaterThan(0);
    // Entries first, then only sizes, all with the cursor of step 1.
    expect(later.slice(0, firstSize).every(([, cursor]) => cursor.phase === 5)).toBe(true);
    expect(later.slice(firstSize).every(([, cursor]) => cursor.phase === 0 && cursor.item === 0)).toBe(true);
    // The same sizes, in the same order, as a stream from the start tries.
    expect(later.slice(firstSize).map(([c]) => [c.n, c.T, c.m])).toEqual(sizes(shrinkDraw(d, SHRINK_START, LIMITS)));
  });

  it('a stream that starts at the sizes tries them once', () => {
    const all = [...shrinkDraw(d, SHRINK_START, LIMITS)];
    const lastEntry = all.map(([, cursor]) => cursor.phase).lastIndexOf(5);
    expect(lastEntry).toBe(all.length - 1);
  });

  it('without entries (a failure that is not a mismatch) there is no second pass', () => {
    const later = [...shrinkDraw(d, { phase: 3, item: 0 }, { ...LIMITS, entries: false })];
    expect(later.every(([, cursor]) => cursor.phase >= 3)).toBe(true);
  });
});

/** The power of two that makes v an integer. */
function denominator(v: number): number {
  let d = 1;
  while (!Number.isInteger(v * d)) d *= 2;
  return d;
}

describe('simplerValues', () => {
  it.each(['float32', 'float64'] as const)('%s: strictly simpler, never v itself, exact in the dtype, and shrinking ends', (dtype: Dtype) => {
    const round = (x: number): number => (dtype === 'float32' ? Math.fround(x) : x);
    const values = fc.sample(fc.double({ min: -50, max: 50, noNaN: true }), { seed: 4, numRuns: 300 }).map(round);
    for (const v of [...values, 0, 1, -1, 0.25, 3.5, 2 ** -140, 1e-300]) {
      const out = simplerValues(v, dtype);
      expect(out).not.toContain(v);
      for (const s of out) {
        expect(round(s)).toBe(s);
        const simpler = (s === 0 && v !== 0) || denominator(s) < denominator(v) || (denominator(s) === denominator(v) && Math.abs(s) < Math.abs(v));
        expect(simpler, `${s} from ${v}`).toBe(true);
      }
      let x = v;
      let steps = 0;
      for (let next = simplerValues(x, dtype); next.length > 0; next = simplerValues(x, dtype)) {
        x = next[next.length - 1];
        expect(++steps).toBeLessThan(20);
      }
    }
    expect(simplerValues(0, dtype)).toEqual([]);
  });

  it('keeps the sign and the smallest magnitude with minAbs', () => {
    for (const v of [0.3, -0.3, 5.123, -0.07, 1 / 16 + 2 ** -20]) {
      const out = simplerValues(v, 'float64', 1 / 16);
      expect(out.length).toBeGreaterThan(0);
      for (const s of out) {
        expect(Math.sign(s)).toBe(Math.sign(v));
        expect(Math.abs(s)).toBeGreaterThanOrEqual(1 / 16);
        expect(s).not.toBe(v);
      }
    }
    expect(simplerValues(-1 / 16, 'float64', 1 / 16)).toEqual([]);
  });
});

describe('kink guard', () => {
  it.each(['float32', 'float64'] as const)('%s relu: no candidate moves a pascanu state onto the kink', (dtype) => {
    const tiny = dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
    const arb = stepCase({ maxN: 6, maxT: 1, maxM: 3, dtype, forms: ['pascanu'], activations: ['relu'] });
    let unguarded = 0;
    for (let i = 0; i < 15; i++) {
      const context = arb.generate(caseRandom(5, i)).context as DrawContext;
      const parent = context.draw.x;
      // A subnormal x_i is within reach of the kink already (flush-to-zero): only normal ones count.
      const offKink = (k: number): boolean => Math.abs(parent[k]) >= tiny;
      for (const [c] of shrinkDraw(context.draw, context.cursor, { ...LIMITS, activations: ['relu'] })) {
        if (Array.from(c.x).some((x, k) => x === 0 && offKink(k))) unguarded++;
      }
      for (const value of arb.candidates(context, true)) {
        const x = (value.context as DrawContext).draw.x;
        for (let k = 0; k < x.length; k++) if (offKink(k)) expect(x[k], `case ${i}, x[${k}]`).not.toBe(0);
      }
    }
    expect(unguarded).toBeGreaterThan(0);
  });
});

describe('shrinking gives small readable counterexamples', () => {
  it('a failure that needs n ≥ 2 shrinks to n = 2 with W = 0', () => {
    const arb = stepCase({ maxN: 64, maxT: 1, maxM: 8, dtype: 'float64', forms: ['pascanu'], activations: ['tanh'] });
    const out = fc.check(
      fc.property(arb, (c) => c.n < 2),
      { seed: 1 },
    );
    const c = out.counterexample![0];
    expect([c.n, c.m]).toEqual([2, 1]);
    expect(Array.from(c.W)).toEqual([0, 0, 0, 0]);
    expect(c.activation).toEqual({ name: 'tanh' });
  });
});
