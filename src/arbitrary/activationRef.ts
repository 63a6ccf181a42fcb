import type fc from 'fast-check';
import type { ActivationRef, Dtype } from '../contract.js';
import { specDocument } from '../spec/specDocument.js';
import { drawFrom } from './draw.js';
import { toDtype } from './entry.js';

/**
 * An activation from `names` and, for those that have one, `alpha` uniform in the catalogue's
 * `generated` range, rounded to the dtype (RJS-GEN-6): a framework that ignores alpha or uses its own
 * default is caught.
 */
export function drawActivation(mrng: fc.Random, names: readonly string[], dtype: Dtype): ActivationRef {
  if (names.length === 0) throw new Error('drawActivation: no activation to draw from');
  const name = drawFrom(mrng, names);
  const param = specDocument()
    .activations.find((a) => a.name === name)
    ?.params.find((p) => p.name === 'alpha');
  if (param === undefined) return { name };
  return { name, alpha: toDtype(param.generated.min + mrng.nextDouble() * (param.generated.max - param.generated.min), dtype) };
}
