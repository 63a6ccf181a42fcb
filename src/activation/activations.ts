import type { ActivationName } from '../contract.js';
import type { Activation } from './activation.js';
import { elu } from './elu.js';
import { gelu } from './gelu.js';
import { identity } from './identity.js';
import { leakyRelu } from './leakyRelu.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softplus } from './softplus.js';
import { tanh } from './tanh.js';

/** Every catalogue activation, in the order of ACTIVATION_NAMES (contract.ts); the compiler checks that none is missing. */
export const activations = {
  identity,
  tanh,
  sigmoid,
  relu,
  leakyRelu,
  elu,
  softplus,
  gelu,
} as const satisfies Record<ActivationName, Activation>;

/** The activation of a catalogue name, or an error that lists the names. */
export function activationByName(name: string): Activation {
  const a = (activations as Record<string, Activation | undefined>)[name];
  if (a === undefined) throw new Error(`unknown activation '${name}'; the catalogue has: ${Object.keys(activations).join(', ')}`);
  return a;
}
