import { adjoint } from './adjoint.js';
import { forward } from './forward.js';
import { gradientBound } from './gradientBound.js';
import { inputJacobian } from './inputJacobian.js';
import { kinkSubgradient } from './kinkSubgradient.js';
import { parameterGradients } from './parameterGradients.js';
import type { Property, PropertyId } from './property.js';
import { sequenceJacobian } from './sequenceJacobian.js';
import { stepJacobian } from './stepJacobian.js';

/** Every property of the spec, keyed by CLI name; the compiler checks that none is missing. */
export const properties = {
  'step-jacobian': stepJacobian,
  'kink-subgradient': kinkSubgradient,
  'input-jacobian': inputJacobian,
  'sequence-jacobian': sequenceJacobian,
  'parameter-gradients': parameterGradients,
  adjoint,
  forward,
  'gradient-bound': gradientBound,
} as const satisfies Record<PropertyId, Property<unknown>>;

/** Property IDs in spec order. */
export const PROPERTY_IDS = Object.keys(properties) as PropertyId[];
