import fc from 'fast-check';
import type { ActivationRef, Dtype } from '../contract.js';
import { specDocument } from '../spec/specDocument.js';
import { toDtype } from './entry.js';

/** Constraints of {@link activationRef}. */
export interface ActivationRefConstraints {
  /** Catalogue names to draw from (those the adapter supports), in catalogue order. */ readonly names: readonly string[];
  /** The dtype the parameter must be exactly representable in. */ readonly dtype: Dtype;
}

/**
 * An activation and, for those that have one, a random `alpha` from the catalogue's `generated`
 * range (so a framework that ignores alpha or uses its own default is caught). Shrinks towards the
 * first name and the low end of the range.
 */
export function activationRef(c: ActivationRefConstraints): fc.Arbitrary<ActivationRef> {
  if (c.names.length === 0) throw new Error('activationRef: no activation to draw from');
  const specs = new Map(specDocument().activations.map((a) => [a.name, a]));
  return fc.record({ name: fc.constantFrom(...c.names), r: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ name, r }) => {
    const param = specs.get(name)?.params.find((p) => p.name === 'alpha');
    if (param === undefined) return { name };
    return { name, alpha: toDtype(param.generated.min + r * (param.generated.max - param.generated.min), c.dtype) };
  });
}
