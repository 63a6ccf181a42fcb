import { describe, expect, it } from 'vitest';
import { refErf } from '../../adapters/reference/functions.js';
import { activations } from '../../src/activation/activations.js';
import { ACTIVATION_NAMES } from '../../src/contract.js';
import { erf, erfc, normalCdf } from '../../src/activation/erf.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import { specDocument } from '../../src/spec/specDocument.js';

const spec = specDocument();
const grid = Array.from({ length: 4001 }, (_, i) => -10 + i * 0.005);
const ALPHAS = [0.01, 0.3, 0.9, 1.7];

describe('specs/spec.json and src/ agree', () => {
  it('lists the same activations, in the same order', () => {
    expect(spec.activations.map((a) => a.name)).toEqual(Object.keys(activations));
    expect(Object.keys(activations)).toEqual(ACTIVATION_NAMES);
    for (const [key, a] of Object.entries(activations)) expect(a.name).toBe(key);
  });
  it('lists the same properties, in the same order', () => {
    expect(spec.properties.map((p) => p.id)).toEqual(PROPERTY_IDS);
  });
  it('gives every property a unique rule ID', () => {
    expect(new Set(spec.properties.map((p) => p.rule)).size).toBe(spec.properties.length);
  });
  it('declares alpha exactly for the activations that take it', () => {
    for (const a of spec.activations) expect(a.params.some((p) => p.name === 'alpha')).toBe(activations[a.name as keyof typeof activations].hasAlpha);
  });
  it('declares kinks exactly for the activations that have them', () => {
    for (const a of spec.activations) expect(a.kinks.length > 0).toBe(activations[a.name as keyof typeof activations].kinks(0.5).length > 0);
  });
});

describe.each(Object.values(activations))('$name', (act) => {
  const alphas = act.hasAlpha ? ALPHAS : [0];
  const offKink = (x: number, alpha: number): boolean => act.kinks(alpha).every((k) => Math.abs(x - k.at) > 1e-3);
  it("σ' is the derivative of σ and σ'' that of σ' (central differences)", () => {
    for (const alpha of alphas) {
      for (const x of grid.filter((v) => offKink(v, alpha))) {
        const h = 1e-5 * Math.max(1, Math.abs(x));
        // Central differences: truncation O(h²·σ''') plus cancellation O(u·|σ|/h); 1e-6 covers both here.
        expect(Math.abs((act.sigma(x + h, alpha) - act.sigma(x - h, alpha)) / (2 * h) - act.derivative(x, alpha))).toBeLessThan(
          1e-6 * Math.max(1, Math.abs(x)),
        );
        expect(Math.abs((act.derivative(x + h, alpha) - act.derivative(x - h, alpha)) / (2 * h) - act.second(x, alpha))).toBeLessThan(1e-5);
      }
    }
  });
  it("γ is sup |σ'|", () => {
    for (const alpha of alphas) {
      const sampled = Math.max(
        ...grid.map((x) => Math.abs(act.derivative(x, alpha))),
        ...act.kinks(alpha).flatMap((k) => [Math.abs(k.left), Math.abs(k.right)]),
      );
      expect(act.gamma(alpha)).toBeGreaterThanOrEqual(sampled * (1 - 1e-12));
      expect(act.gamma(alpha)).toBeLessThan(sampled * (1 + 1e-4));
    }
  });
  it("the one-sided derivatives at a kink are the limits of σ'", () => {
    for (const alpha of alphas) {
      for (const k of act.kinks(alpha)) {
        expect(act.derivative(k.at - 1e-12, alpha)).toBeCloseTo(k.left, 9);
        expect(act.derivative(k.at + 1e-12, alpha)).toBeCloseTo(k.right, 9);
      }
    }
  });
  it('the error scales cover the values (the relative part of RJS-TOL-3)', () => {
    for (const alpha of alphas) {
      for (const x of grid) {
        if (act.name !== 'identity' && act.name !== 'relu' && !(act.name === 'leakyRelu' && x >= 0) && !(act.name === 'elu' && x >= 0)) {
          expect(act.sigmaScale(x, alpha)).toBeGreaterThanOrEqual(Math.abs(act.sigma(x, alpha)) * (1 - 1e-12));
        }
        if (act.derivativeScale(x, alpha) > 0) expect(act.derivativeScale(x, alpha)).toBeGreaterThanOrEqual(Math.abs(act.derivative(x, alpha)) * (1 - 1e-12));
      }
    }
  });
});

describe('erf', () => {
  // Reference values: DLMF / Abramowitz & Stegun, to 16 digits.
  const table: [number, number][] = [
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
  ];
  it.each(table)('erf(%d) in src and in the reference adapter', (x, v) => {
    expect(Math.abs(erf(x) - v)).toBeLessThan(4e-16);
    expect(Math.abs(erf(-x) + v)).toBeLessThan(4e-16);
    expect(Math.abs(refErf(x) - v)).toBeLessThan(4e-16);
  });
  it('erfc and Φ keep their relative accuracy in the tails', () => {
    expect(erfc(5) / 1.5374597944280349e-12 - 1).toBeLessThan(1e-13);
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-12);
  });
});
