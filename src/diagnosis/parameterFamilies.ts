import type { Bounded } from '../bound/bounded.js';
import type { ActivationRef, Dtype } from '../contract.js';
import { unitRoundoff } from '../model/precision.js';
import { specDocument } from '../spec/specDocument.js';
import type { FormFamily } from './formFamily.js';

/**
 * The one-parameter wrong forms of a quantity computed from a case (RJS-DIAG-4): the activation's
 * alpha fitted (leakyRelu, elu), relu fitted as a leakyRelu with a small slope, and, for `scaled`,
 * the whole result times a constant (a mean taken for a sum, a doubled term). `quantityOf` computes the
 * expected quantity of a case, with its bound.
 */
export function parameterFamilies<C extends { readonly activation: ActivationRef; readonly dtype: Dtype }>(
  c: C,
  quantityOf: (c: C) => Bounded,
  o: { readonly scaled?: Bounded } = {},
): FormFamily[] {
  const out: FormFamily[] = [];
  const name = c.activation.name;
  const alpha = specDocument()
    .activations.find((a) => a.name === name)
    ?.params.find((p) => p.name === 'alpha');
  if (alpha !== undefined) {
    const asked = c.activation.alpha ?? alpha.default;
    out.push({
      id: 'wrong-alpha',
      asked,
      valueAt: (theta) => quantityOf({ ...c, activation: { name, alpha: theta } }),
      describe: (theta) => ({
        formula: `σ = ${name} with α = ${theta}`,
        message: `σ behaves as ${name} with α = ${theta} where α = ${asked} was asked (${(Number(theta) / asked).toPrecision(4)} times it: the parameter is read, scaled or rounded wrongly)`,
      }),
    });
  }
  if (name === 'relu') {
    out.push({
      id: 'wrong-slope',
      asked: 0,
      valueAt: (theta) => quantityOf({ ...c, activation: { name: 'leakyRelu', alpha: theta } }),
      describe: (theta) => ({
        formula: `σ = leakyRelu with α = ${theta}`,
        message: `σ behaves as leakyRelu with α = ${theta} where relu was asked: the negative branch has slope ${theta}, not 0`,
      }),
    });
  }
  const e = o.scaled;
  if (e !== undefined) {
    const u = unitRoundoff(c.dtype);
    out.push({
      id: 'scaled',
      asked: 1,
      // A factor within 5 % of 1 on every entry is what arithmetic in a narrower format does (reduced-precision).
      names: (k) => Math.abs(k - 1) > 0.05,
      // One more rounding for the product by the constant.
      valueAt: (k) => ({
        ...e,
        v: e.v.map((x) => k * x),
        e: e.e.map((x, i) => Math.abs(k) * x + 2 * u * Math.abs(k * e.v[i])),
        s: Math.abs(k) * e.s,
        f: Math.abs(k) * e.f + 2 * u * Math.abs(k) * e.s,
      }),
      describe: (k) => ({
        formula: `${k} × the expected value`,
        message: `every entry is ${k} times the expected one: a constant factor is wrong (a mean taken for a sum, a term counted twice, a missing or extra scale)`,
      }),
    });
  }
  return out;
}
