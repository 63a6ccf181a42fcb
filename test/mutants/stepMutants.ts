/**
 * Mutants of the one-step Jacobian ∂x_t/∂x_{t−1}: the layout, side and time-step mistakes of the
 * literature and of real kernels.
 * @packageDocumentation
 */
import { refActivation } from '../../adapters/reference/functions.js';
import { map, tr } from '../../adapters/reference/linalg.js';
import { mutate, scale, slopeSide, stepOf, withDerivative, type Mutant } from './mutant.js';

/** Step-Jacobian mutants whose wrong form the diagnosis catalogue names. */
export const stepMutants: readonly Mutant[] = [
  {
    id: 'transposed-W',
    description: "Pascanu's printed form Wᵀ·diag(σ'(x_{t−1})) (elman: diag(σ'(a_t))·Wᵀ): row-vector weights h·R read as column-vector W·h",
    create: mutate('transposed-W', () => ({
      stepJacobian: (c) => {
        const { M, slope } = stepOf(c);
        return scale(tr(c.W, c.n, c.n), slope, c.n, slopeSide(c), M.rd);
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'transpose-W',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'transposed-jacobian',
    description: 'returns Jᵀ: the Jacobian in denominator layout (rows of a VJP loop stored as columns)',
    create: mutate('transposed-jacobian', () => ({ stepJacobian: (c) => tr(stepOf(c).s.J, c.n, c.n) })),
    killedBy: ['step-jacobian'],
    diagnosis: 'transposed-jacobian',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'diag-wrong-side',
    description: "σ' scales the wrong side of W: diag(σ'(x_{t−1}))·W for pascanu (the elman Jacobian applied to it), W·diag(σ'(a_t)) for elman",
    create: mutate('diag-wrong-side', () => ({
      stepJacobian: (c) => {
        const { M, slope } = stepOf(c);
        return scale(c.W, slope, c.n, slopeSide(c) === 'rows' ? 'cols' : 'rows', M.rd);
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'diag-wrong-side',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'sigma-for-derivative',
    description: "the backward kernel multiplies by the saved activation output σ(x) where σ'(x) belongs",
    create: mutate('sigma-for-derivative', () => ({
      stepJacobian: (c) =>
        stepOf(
          c,
          withDerivative(c, (x, act) => act.f(x)),
        ).s.J,
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'sigma-for-derivative',
    dtype: 'float64',
  },
  {
    id: 'elman-derivative-previous-state',
    description: "elman form: σ' taken at the previous state h_{t−1} instead of the pre-activation a_t = W·h_{t−1} + U·u_t + b",
    create: mutate('elman-derivative-previous-state', () => ({
      stepJacobian: (c) => {
        const { M, s } = stepOf(c);
        return c.form === 'elman' ? scale(c.W, map(c.x, M.act.df, M.rd), c.n, 'rows', M.rd) : s.J;
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'derivative-at-previous-state',
    dtype: 'float64',
  },
  {
    id: 'elman-derivative-of-output',
    description: "elman form: σ' evaluated at the output h_t = σ(a_t) (1 − tanh² applied to tanh's output a second time)",
    create: mutate('elman-derivative-of-output', () => ({
      stepJacobian: (c) => {
        const { M, s } = stepOf(c);
        return c.form === 'elman' ? scale(c.W, map(s.next, M.act.df, M.rd), c.n, 'rows', M.rd) : s.J;
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'derivative-of-output',
    dtype: 'float64',
  },
  {
    id: 'derivative-at-next-state',
    description: "pascanu forms: σ' taken at the new state x_t (the value the tape holds after the step) instead of x_{t−1}",
    create: mutate('derivative-at-next-state', () => ({
      stepJacobian: (c) => {
        const { M, s } = stepOf(c);
        return c.form === 'elman' ? s.J : scale(c.W, map(s.next, M.act.df, M.rd), c.n, 'cols', M.rd);
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'derivative-at-next-state',
    dtype: 'float64',
  },
  {
    id: 'wrong-alpha',
    description:
      "leakyRelu' and elu' use the framework's default alpha (0.2 and 1) instead of the case's: the backward op is registered without the alpha attribute",
    create: mutate('wrong-alpha', () => ({
      stepJacobian: (c) => {
        const fallback = c.activation.name === 'leakyRelu' ? 0.2 : c.activation.name === 'elu' ? 1 : undefined;
        const right = refActivation(c.activation.name, c.activation.alpha);
        return stepOf(c, fallback === undefined ? right : { f: right.f, df: refActivation(c.activation.name, fallback).df }).s.J;
      },
    })),
    killedBy: ['step-jacobian'],
    diagnosis: 'alpha-ignored',
    dtype: 'float64',
  },
];
