import fc from 'fast-check';
import type { Dtype } from '../contract.js';
import { toDtype } from './entry.js';

/** Constraints of {@link stateValue}. */
export interface StateValueConstraints {
  /** The dtype the value must be exactly representable in. */ readonly dtype: Dtype;
  /** Where σ has kinks (all catalogue kinks are at 0). */ readonly kink?: number;
  /** Also produce values exactly on the kink (only for the kink property). */ readonly onKink?: boolean;
}

/** Which region of σ's domain a state value is drawn from. */
export type StateRegion = 'ordinary' | 'saturated' | 'near-kink' | 'on-kink';

/**
 * A state or pre-activation value from one of the regions a Jacobian check must visit:
 * `ordinary` (magnitude 10⁻³ … 3), `saturated` (4 … 20, where tanh' and sigmoid' vanish),
 * `near-kink` (kink ± 10⁻⁶ … 10⁻², never on it) and, when asked, `on-kink` (exactly on it).
 * Shrinks towards a small positive ordinary value.
 */
export function stateValue(c: StateValueConstraints): fc.Arbitrary<number> {
  const kink = c.kink ?? 0;
  const regions: StateRegion[] = ['ordinary', 'saturated', 'near-kink'];
  if (c.onKink === true) regions.push('on-kink');
  return fc
    .tuple(fc.constantFrom(...regions), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
    .map(([region, r, negative]) => {
      const sign = negative ? -1 : 1;
      switch (region) {
        case 'ordinary':
          return toDtype(sign * (1e-3 + 3 * r), c.dtype);
        case 'saturated':
          return toDtype(sign * (4 + 16 * r), c.dtype);
        case 'near-kink':
          return toDtype(kink + sign * 1e-6 * 10 ** (4 * r), c.dtype);
        case 'on-kink':
          return kink;
      }
    });
}

/** A vector of `length` {@link stateValue} entries. */
export function stateVector(length: number, c: StateValueConstraints): fc.Arbitrary<Float64Array> {
  return fc.array(stateValue(c), { minLength: length, maxLength: length }).map((a) => Float64Array.from(a));
}
