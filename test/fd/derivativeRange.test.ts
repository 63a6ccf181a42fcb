import { describe, expect, it } from 'vitest';
import { derivativeRange } from '../../src/activation/activation.js';
import { activations } from '../../src/activation/activations.js';
import { specDocument } from '../../src/spec/specDocument.js';

const ALPHAS = [0.01, 0.3, 0.9, 1.7];
const SAMPLES = 4000;

/** Deterministic intervals: around kinks and critical points, ends exactly on them, tiny and wide ones. */
function intervals(points: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let s = 12115063;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let j = 0; j < 150; j++) {
    const c = -12 + 24 * rand();
    const r = 10 ** (-6 + 7 * rand());
    out.push([c - r, c + r]);
  }
  for (const p of [...points, 0]) {
    for (const r of [1e-9, 2 ** -12, 0.3, 3]) out.push([p - r, p + r], [p, p + r], [p - r, p]);
    out.push([p + 0.01, p + 0.5], [p - 0.5, p - 0.01]);
  }
  return out;
}

/**
 * σ' on a dense grid of [lo, hi], with both one-sided values of every kink inside, and the float64
 * error its evaluation may have there (RJS-TOL-3 with u_float64: σ' is monotone only up to it).
 */
function sampled(act: (typeof activations)[keyof typeof activations], lo: number, hi: number, alpha: number): { values: number[]; noise: number } {
  const grid = Array.from({ length: SAMPLES + 1 }, (_, i) => lo + ((hi - lo) * i) / SAMPLES);
  const values = grid.map((x) => act.derivative(x, alpha));
  for (const k of act.kinks(alpha)) if (k.at >= lo && k.at <= hi) values.push(k.left, k.right);
  const K = specDocument().tolerance.elementwiseUlps;
  return { values, noise: K * 2 ** -53 * Math.max(...grid.map((x) => act.derivativeScale(x, alpha))) };
}

describe.each(Object.values(activations))("the range of $name' over an interval (RJS-TOL-FD)", (act) => {
  const alphas = act.hasAlpha ? ALPHAS : [0];
  it("contains every sampled σ' and is attained up to the sampling step", () => {
    for (const alpha of alphas) {
      const special = [...act.derivativeCriticalPoints(alpha), ...act.kinks(alpha).map((k) => k.at)];
      for (const [lo, hi] of intervals(special)) {
        const r = derivativeRange(act, lo, hi, alpha);
        const { values, noise } = sampled(act, lo, hi, alpha);
        const own = noise + 8 * 2 ** -53 * r.scale;
        // Between grid points σ' moves by at most step·max|σ''| (≤ 1 for the catalogue, elu: ≤ alpha).
        const slack = ((hi - lo) / SAMPLES) * Math.max(1, alpha) + own;
        expect(r.min).toBeLessThanOrEqual(Math.min(...values) + own);
        expect(r.max).toBeGreaterThanOrEqual(Math.max(...values) - own);
        expect(r.min).toBeGreaterThanOrEqual(Math.min(...values) - slack);
        expect(r.max).toBeLessThanOrEqual(Math.max(...values) + slack);
        expect(r.scale).toBeGreaterThanOrEqual(0);
      }
    }
  });
  it("holds the difference quotient: (σ(hi) − σ(lo))/(hi − lo) is a mean of σ' (the mean-value argument)", () => {
    for (const alpha of alphas) {
      const special = [...act.derivativeCriticalPoints(alpha), ...act.kinks(alpha).map((k) => k.at)];
      for (const [lo, hi] of intervals(special).filter(([a, b]) => b - a >= 1e-3)) {
        const r = derivativeRange(act, lo, hi, alpha);
        const q = (act.sigma(hi, alpha) - act.sigma(lo, alpha)) / (hi - lo);
        // The float64 quotient cancels: about u·|σ|/(hi − lo) ≤ 1e-16·30/1e-3.
        expect(q).toBeGreaterThanOrEqual(r.min - 1e-11);
        expect(q).toBeLessThanOrEqual(r.max + 1e-11);
      }
    }
  });
  it("lists the zeros of σ'' as its critical points, and specs/spec.json lists as many", () => {
    for (const alpha of alphas) for (const x of act.derivativeCriticalPoints(alpha)) expect(Math.abs(act.second(x, alpha))).toBeLessThan(1e-15);
    const spec = specDocument().activations.find((a) => a.name === act.name) as unknown as { derivativeCriticalPoints: string[] };
    const parsed = spec.derivativeCriticalPoints.map((t) => Number(t.replace('−', '-').replace('√2', String(Math.SQRT2))));
    expect(parsed).toEqual(act.derivativeCriticalPoints(0.5));
  });
});
