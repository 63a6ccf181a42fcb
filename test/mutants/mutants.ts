/**
 * Every mutant adapter of the conformance suite: wrong implementations a real framework could have,
 * each of which a default run must kill (test/mutants/mutants.test.ts proves it).
 * @packageDocumentation
 */
import { activationMutants } from './activationMutants.js';
import { chainMutants } from './chainMutants.js';
import { gradientMutants } from './gradientMutants.js';
import { kernelMutants } from './kernelMutants.js';
import { layoutMutants } from './layoutMutants.js';
import type { Mutant } from './mutant.js';
import { precisionMutants } from './precisionMutants.js';
import { sequenceMutants } from './sequenceMutants.js';
import { stepMutants } from './stepMutants.js';

export type { Mutant } from './mutant.js';

/** All mutants, step-Jacobian ones first. */
export const mutants: readonly Mutant[] = [
  ...stepMutants,
  ...kernelMutants,
  ...chainMutants,
  ...layoutMutants,
  ...activationMutants,
  ...gradientMutants,
  ...sequenceMutants,
  ...precisionMutants,
];
