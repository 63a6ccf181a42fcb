/**
 * Mutants of BPTT where one gradient alone is wrong (∂L/∂W, ∂L/∂U, ∂L/∂b or ∂L/∂x_0), and one where
 * the backward pass reads its tape one step off.
 * @packageDocumentation
 */
import { buggyBptt, type BpttBug } from './buggyBptt.js';
import { mutate, type Mutant } from './mutant.js';

/** The reference with `bug` in its BPTT. */
const bptt = (id: string, bug: BpttBug): (() => ReturnType<Mutant['create']>) => mutate(id, () => ({ parameterGradients: (c) => buggyBptt(c, bug) }));

/** BPTT mutants. */
export const gradientMutants: readonly Mutant[] = [
  {
    id: 'dW-misses-last-step',
    description: "∂L/∂W is accumulated over t = 1 … T−1 (an off-by-one range bound): the last step's term δ_T·σ(x_{T−1})ᵀ is missing",
    create: bptt('dW-misses-last-step', { wMissesLastStep: true }),
    killedBy: ['parameter-gradients'],
    diagnosis: 'missing-step-term',
    shrunkN: 1,
    dtype: 'float64',
  },
  {
    id: 'dU-transposed-accumulation',
    description: "∂L/∂U is accumulated as g(u_t)·δ_tᵀ, an m×n outer product in the input kernel's row-vector layout, and written into U's n×m buffer as it is",
    create: bptt('dU-transposed-accumulation', { uTransposed: true }),
    killedBy: ['parameter-gradients'],
    diagnosis: 'transposed-parameter-gradient',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'db-misses-first-step',
    description: "∂L/∂b is summed over t = 2 … T: the reduction of the bias gradient over time starts one step late and loses step 1's term",
    create: bptt('db-misses-first-step', { bMissesFirstStep: true }),
    killedBy: ['parameter-gradients'],
    diagnosis: 'missing-step-term',
    shrunkN: 1,
    dtype: 'float64',
  },
  {
    id: 'dx0-is-delta1',
    description: '∂L/∂x_0 is returned as δ_1 = ∂L/∂x_1: the backward pass hands back the gradient of the first stored state without carrying it through J_1ᵀ',
    create: bptt('dx0-is-delta1', { x0IsDelta1: true }),
    killedBy: ['parameter-gradients'],
    diagnosis: 'last-backward-step-missing',
    shrunkN: 1,
    dtype: 'float64',
  },
  {
    id: 'bptt-tape-one-step-off',
    description:
      "BPTT carries δ from step t + 1 back to step t with J_tᵀ instead of J_{t+1}ᵀ: the saved σ' (pascanu: of x_{t−1} instead of x_t) is read from the tape one step off",
    create: bptt('bptt-tape-one-step-off', { jacobianOneStepEarly: true }),
    killedBy: ['parameter-gradients'],
    diagnosis: 'tape-one-step-off',
    shrunkN: 1,
    dtype: 'float64',
  },
];
