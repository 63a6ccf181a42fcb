/**
 * Mutants of the multi-step and product capabilities: the sequence Jacobian, BPTT gradients, VJP/JVP,
 * the forward pass and the input Jacobian.
 * @packageDocumentation
 */
import { mm, tr } from '../../adapters/reference/linalg.js';
import { refModel, refRun } from '../../adapters/reference/recurrence.js';
import { buggyBptt } from './buggyBptt.js';
import { apply, mutate, stepOf, type Mutant } from './mutant.js';

/** Mutants beyond the one-step Jacobian. */
export const chainMutants: readonly Mutant[] = [
  {
    id: 'reversed-sequence-product',
    description: 'the sequence Jacobian accumulates P ← P·J_t, giving J_1·J_2⋯J_T instead of J_T⋯J_1',
    create: mutate('reversed-sequence-product', () => ({
      sequenceJacobian: (c) => {
        const M = refModel(c);
        const steps = refRun(M, c.x0, c.us, c.T);
        let P = steps[0].J;
        for (let t = 1; t < c.T; t++) P = mm(P, steps[t].J, c.n, c.n, c.n, M.rd);
        return P;
      },
    })),
    killedBy: ['sequence-jacobian'],
    diagnosis: 'reversed-product-order',
    dtype: 'float64',
  },
  {
    id: 'transposed-dW',
    description: "∂L/∂W returned transposed: a row-vector framework's kernel gradient (∂L/∂R = Σ h·δᵀ) handed back without mapping it to W",
    create: mutate('transposed-dW', (ref) => ({
      parameterGradients: async (c) => {
        const g = await ref.parameterGradients!(c);
        return { ...g, W: tr(g.W, c.n, c.n) };
      },
    })),
    killedBy: ['parameter-gradients'],
    diagnosis: 'transposed-parameter-gradient',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'bptt-truncated',
    description: 'the state is detached between steps: only the last step contributes to the gradients (truncated BPTT with k = 1)',
    create: mutate('bptt-truncated', () => ({ parameterGradients: (c) => buggyBptt(c, { lastStepOnly: true }) })),
    killedBy: ['parameter-gradients'],
    diagnosis: 'no-backpropagation-through-time',
    dtype: 'float64',
  },
  {
    id: 'bptt-forward-jacobian',
    description: 'the backward pass carries δ back through time with W (J) instead of Wᵀ (Jᵀ)',
    create: mutate('bptt-forward-jacobian', () => ({ parameterGradients: (c) => buggyBptt(c, { forwardJacobian: true }) })),
    killedBy: ['parameter-gradients'],
    diagnosis: 'forward-jacobian-in-backprop',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'vjp-uses-J',
    description: 'the VJP multiplies the cotangent by J instead of Jᵀ (the pullback built from the forward-mode rule)',
    create: mutate('vjp-uses-J', () => ({
      vjp: (c, v) => {
        const { M, s } = stepOf(c);
        return apply(s.J, v, c.n, M.rd);
      },
    })),
    killedBy: ['adjoint'],
    diagnosis: 'vjp-applies-J',
    dtype: 'float64',
  },
  {
    id: 'jvp-uses-Jt',
    description: 'the JVP multiplies the tangent by Jᵀ (a reverse-mode product returned as forward mode)',
    create: mutate('jvp-uses-Jt', () => ({
      jvp: (c, w) => {
        const { M, s } = stepOf(c);
        return apply(s.J, w, c.n, M.rd, true);
      },
    })),
    killedBy: ['adjoint'],
    diagnosis: 'jvp-applies-Jt',
    dtype: 'float64',
  },
  {
    id: 'forward-transposed-W',
    description: 'the forward pass computes Wᵀ·σ(x_{t−1}): row-vector weights (h·R) used as column-vector ones',
    create: mutate('forward-transposed-W', () => ({
      forward: (c) => {
        const M = refModel({ ...c, W: tr(c.W, c.n, c.n) });
        const out = new Float64Array(c.T * c.n);
        for (const [t, s] of refRun(M, c.x0, c.us, c.T).entries()) out.set(s.next, t * c.n);
        return out;
      },
    })),
    killedBy: ['forward'],
    diagnosis: 'transpose-W',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'forward-last-state-only',
    description: 'the forward pass returns only the final state x_T (return_sequences = false) instead of x_1 … x_T',
    create: mutate('forward-last-state-only', () => ({
      forward: (c) => refRun(refModel(c), c.x0, c.us, c.T)[c.T - 1].next,
    })),
    killedBy: ['forward'],
    kind: 'wrong-shape',
    dtype: 'float64',
  },
  {
    id: 'negated-input-jacobian',
    description: 'the input Jacobian has the wrong sign (the input term was subtracted in the backward graph)',
    create: mutate('negated-input-jacobian', () => ({ inputJacobian: (c) => stepOf(c).s.Ju.map((v) => -v) })),
    killedBy: ['input-jacobian'],
    diagnosis: 'negated',
    dtype: 'float64',
  },
];
