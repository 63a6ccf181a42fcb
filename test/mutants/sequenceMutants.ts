/**
 * Mutants of the sequence Jacobian ∂x_T/∂x_0: a product one step short, and one whose size grows with
 * T until it exceeds Pascanu's bound while staying finite.
 * @packageDocumentation
 */
import { mm } from '../../adapters/reference/linalg.js';
import { refModel, refRun } from '../../adapters/reference/recurrence.js';
import type { SequenceCase } from '../../src/contract.js';
import { mutate, type Mutant } from './mutant.js';

/** J_{T−1}⋯J_1 (J_1 when T = 1): the product loop stops before the last step. */
function oneStepShort(c: SequenceCase): Float64Array {
  const M = refModel(c);
  const steps = refRun(M, c.x0, c.us, c.T);
  let P = steps[0].J;
  for (let t = 1; t < c.T - 1; t++) P = mm(steps[t].J, P, c.n, c.n, c.n, M.rd);
  return P;
}

/** Loss scale applied at every step of the backward pass and removed once at the end. */
const SCALE = 2;

/** Sequence mutants. */
export const sequenceMutants: readonly Mutant[] = [
  {
    id: 'sequence-one-step-short',
    description:
      'the sequence Jacobian loop runs over steps 1 … T−1 (range(1, T) used as the step indices of the product): ∂x_{T−1}/∂x_0 is returned for ∂x_T/∂x_0',
    create: mutate('sequence-one-step-short', () => ({ sequenceJacobian: oneStepShort })),
    killedBy: ['sequence-jacobian'],
    diagnosis: 'one-step-short',
    shrunkN: 1,
    dtype: 'float64',
  },
  {
    id: 'loss-scale-per-step',
    description: `dynamic loss scaling multiplies the cotangent by ${SCALE} at every step of the backward pass but divides by ${SCALE} once: ∂x_T/∂x_0 comes back ${SCALE}^(T−1) times too large, finite but past Pascanu's bound for long sequences`,
    create: mutate('loss-scale-per-step', (ref) => ({
      sequenceJacobian: async (c) => Float64Array.from(await ref.sequenceJacobian!(c), (v) => refModel(c).rd(v * SCALE ** (c.T - 1))),
    })),
    killedBy: ['gradient-bound'],
    kind: 'mismatch',
    diagnosis: 'scaled',
    dtype: 'float64',
  },
];
