import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationByName } from '../../src/activation/activations.js';
import { adjointCase } from '../../src/arbitrary/adjointCase.js';
import { asymmetry, drawRecurrentMatrix, GAIN_TARGETS, MIN_ASYMMETRY, sequenceGainLimit, GAIN_MARGIN } from '../../src/arbitrary/recurrentMatrix.js';
import { lossCase, sequenceCase } from '../../src/arbitrary/sequenceCase.js';
import { expOverflowPoint, regionValue, STATE_REGIONS, type StateRegion } from '../../src/arbitrary/stateRegions.js';
import { stepCase } from '../../src/arbitrary/stepCase.js';
import { ACTIVATION_NAMES, FORMS, type Dtype } from '../../src/contract.js';
import { spectralNorm } from '../../src/linalg/spectralNorm.js';
import { unitRoundoff } from '../../src/model/precision.js';
import { caseRandom } from '../../src/runner/caseRandom.js';

const ALL = ACTIVATION_NAMES;
const SMALLEST_NORMAL: Record<Dtype, number> = { float32: 2 ** -126, float64: 2 ** -1022 };

/** Every number inside a generated value (typed arrays, arrays, records). */
function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(numbers);
  return [];
}

type Case = Record<string, unknown>;

/**
 * The case generators, and the fields of their cases that are never subnormal: step cases draw x
 * (pascanu), u (pascanu-sigma-input) and the elman target a (which b is solved from) from the state
 * regions, the subnormal one included; sequence and loss cases draw no subnormal state.
 */
const generators = (dtype: Dtype): [string, fc.Arbitrary<Case>, (c: Case) => unknown[]][] => {
  const c = { maxN: 12, maxT: 6, maxM: 4, dtype, forms: FORMS, activations: ALL };
  const weights = (k: Case): unknown[] => [k.W, k.U];
  return [
    ['stepCase', stepCase(c) as unknown as fc.Arbitrary<Case>, weights],
    ['stepCase (onKink)', stepCase({ ...c, onKink: true }) as unknown as fc.Arbitrary<Case>, weights],
    ['adjointCase', adjointCase(c) as unknown as fc.Arbitrary<Case>, (k) => [k.W, k.U, k.v, k.w]],
    ['sequenceCase', sequenceCase(c) as unknown as fc.Arbitrary<Case>, (k) => [k]],
    ['lossCase', lossCase(c) as unknown as fc.Arbitrary<Case>, (k) => [k]],
  ];
};

/** The array fields of a case and the lengths its sizes give them. */
function expectConsistentShape(k: Case): void {
  const n = k.n as number;
  const m = k.m as number;
  const T = (k.T as number | undefined) ?? 1;
  const lengths: Record<string, number> = { W: n * n, U: n * m, b: n, x: n, u: m, v: n, w: n, x0: n, us: T * m, cs: T * n };
  for (const [f, len] of Object.entries(lengths)) if (f in k) expect((k[f] as ArrayLike<number>).length, f).toBe(len);
}

describe.each(['float64', 'float32'] as const)('case generator contract (%s)', (dtype) => {
  describe.each(generators(dtype))('%s', (_name, arb, neverSubnormal) => {
    it('is deterministic for a seed', () => {
      expect(numbers(fc.sample(arb, { seed: 7, numRuns: 20 }))).toEqual(numbers(fc.sample(arb, { seed: 7, numRuns: 20 })));
    });
    it('produces finite numbers exact in the dtype, weights never subnormal, shapes consistent', () => {
      for (const k of fc.sample(arb, { seed: 11, numRuns: 200 })) {
        expectConsistentShape(k);
        expect(k.dtype).toBe(dtype);
        expect(numbers(k).filter((x) => !Number.isFinite(x) || (dtype === 'float32' && Math.fround(x) !== x))).toEqual([]);
        expect(numbers(neverSubnormal(k)).filter((x) => x !== 0 && Math.abs(x) < SMALLEST_NORMAL[dtype])).toEqual([]);
      }
    });
    it('shrinks an always-failing case to n = 1', () => {
      const out = fc.check(
        fc.property(arb, () => false),
        { seed: 3, numRuns: 1 },
      );
      expect(out.failed).toBe(true);
      const k = out.counterexample![0] as Case;
      expect(k.n).toBe(1);
      expectConsistentShape(k);
    });
  });
});

describe('stepCase onKink', () => {
  it('puts at least one state exactly on the kink', () => {
    const arb = stepCase({ maxN: 8, maxT: 1, maxM: 3, dtype: 'float32', forms: ['pascanu'], activations: ['relu'], onKink: true });
    for (const k of fc.sample(arb, { seed: 2, numRuns: 50 })) expect(Array.from(k.x)).toContain(0);
  });
});

describe('drawRecurrentMatrix', () => {
  const gammas = ['tanh', 'sigmoid', 'gelu'].map((a) => activationByName(a).gamma(0));

  it.each([1, 2, 3, 8, 17])('n = %i: non-symmetric by the margin, gain at or a little above its target', (n) => {
    const ratios: number[] = [];
    for (const [d, dtype] of (['float32', 'float64'] as const).entries()) {
      for (const [g, gamma] of gammas.entries()) {
        for (let i = 0; i < 40; i++) {
          const { W, target } = drawRecurrentMatrix(caseRandom(100 * n + 10 * g + d, i), { n, gamma, dtype });
          expect(GAIN_TARGETS).toContain(target);
          if (n >= 2) expect(asymmetry(W, n)).toBeGreaterThanOrEqual(MIN_ASYMMETRY * 0.999);
          if (dtype === 'float32') expect(Array.from(W, Math.fround)).toEqual(Array.from(W));
          ratios.push((gamma * spectralNorm(W, n, n)) / target);
        }
      }
    }
    // The power-method estimate never overestimates ‖W‖₂; it undershoots by more than 15 % in a few
    // draws in a thousand (where σ₂ is close to σ₁).
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(0.999);
    expect(ratios.filter((r) => r <= 1.15).length).toBeGreaterThanOrEqual(0.97 * ratios.length);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.35);
  });

  it.each([
    [1, 1],
    [2, 4],
    [8, 16],
    [17, 8],
    [64, 16],
  ])('n = %i, T = %i: the gain stays below the sequence limit', (n, T) => {
    for (const dtype of ['float32', 'float64'] as const) {
      const maxGain = sequenceGainLimit(n, T, unitRoundoff(dtype));
      for (let i = 0; i < 200; i++) {
        const { W, target } = drawRecurrentMatrix(caseRandom(1000 * n + T, i), { n, gamma: 1, dtype, maxGain });
        expect(target <= 1 || target <= maxGain).toBe(true);
        const gain = spectralNorm(W, n, n);
        expect(gain).toBeLessThanOrEqual(maxGain);
        expect(gain).toBeGreaterThanOrEqual(0.999 * (target > 1 ? Math.min(target, maxGain / GAIN_MARGIN) : target));
      }
    }
  });
});

describe('regionValue', () => {
  const RANGES: Record<Exclude<StateRegion, 'exp-overflow' | 'subnormal'>, [number, number]> = {
    ordinary: [1e-3, 3.001],
    saturated: [3, 15],
    far: [15, 40],
    'near-kink': [1e-6, 1e-2],
    'on-kink': [0, 0],
  };
  const rs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999];

  it('puts the exp-overflow region around ln of the largest number', () => {
    expect(expOverflowPoint('float32')).toBeCloseTo(88.72, 2);
    expect(expOverflowPoint('float64')).toBeCloseTo(709.78, 2);
  });

  it.each(['float32', 'float64'] as const)('%s: every region within its range, with either sign, exact in the dtype', (dtype) => {
    for (const region of STATE_REGIONS) {
      for (const r of rs) {
        for (const negative of [false, true]) {
          const x = regionValue(region, r, negative, dtype);
          if (dtype === 'float32') expect(Math.fround(x)).toBe(x);
          if (region === 'on-kink') {
            expect(x).toBe(0);
            continue;
          }
          expect(x, `${region} r=${r}`).not.toBe(0);
          expect(Math.sign(x)).toBe(negative ? -1 : 1);
          const a = Math.abs(x);
          if (region === 'subnormal') {
            expect(a).toBeLessThan(SMALLEST_NORMAL[dtype]);
          } else if (region === 'exp-overflow') {
            expect(a).toBeGreaterThanOrEqual(0.9 * expOverflowPoint(dtype) * (1 - 1e-6));
            expect(a).toBeLessThanOrEqual(1.1 * expOverflowPoint(dtype) * (1 + 1e-6));
          } else {
            const [lo, hi] = RANGES[region];
            expect(a).toBeGreaterThanOrEqual(lo * (1 - 1e-6));
            expect(a).toBeLessThanOrEqual(hi * (1 + 1e-6));
          }
        }
      }
    }
  });
});

describe('seeded regression snapshot', () => {
  it('the first cases of the default seed do not change silently', () => {
    const arb = stepCase({ maxN: 3, maxT: 2, maxM: 2, dtype: 'float32', forms: FORMS, activations: ALL });
    expect(
      fc
        .sample(arb, { seed: 12115063, numRuns: 3 })
        .map((c) => JSON.parse(JSON.stringify(c, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)))),
    ).toMatchSnapshot();
  });
});
