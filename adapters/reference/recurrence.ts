import type { Form } from '../../src/contract.js';
import { refActivation, type RefActivation } from './functions.js';
import { exact, map, mm, plus, type Round } from './linalg.js';

/** The fixed parameters of one recurrence, as the reference sees them. */
export interface RefModel {
  /** Form. */ readonly form: Form;
  /** n, m. */ readonly n: number;
  readonly m: number;
  /** W n×n, U n×m, b n. */ readonly W: Float64Array;
  readonly U: Float64Array;
  readonly b: Float64Array;
  /** σ. */ readonly act: RefActivation;
  /** Rounding to the dtype. */ readonly rd: Round;
}

/** One step's results: next state, the Jacobians, and what BPTT needs. */
export interface RefStep {
  /** x_t. */ readonly next: Float64Array;
  /** ∂x_t/∂x_{t−1}, n×n. */ readonly J: Float64Array;
  /** ∂x_t/∂u_t, n×m. */ readonly Ju: Float64Array;
  /** What W multiplies (σ(x_{t−1}) or h_{t−1}). */ readonly signal: Float64Array;
  /** What U multiplies (u_t or σ(u_t)). */ readonly feature: Float64Array;
  /** σ' at the pre-activation (elman) — multiplies the incoming gradient before W and U. */ readonly gate: Float64Array | undefined;
}

/** Builds the model from contract-shaped fields. */
export function refModel(c: {
  form: Form;
  n: number;
  m: number;
  W: Float64Array;
  U: Float64Array;
  b: Float64Array;
  activation: { name: string; alpha?: number };
  dtype: 'float32' | 'float64';
}): RefModel {
  const rd: Round = c.dtype === 'float32' ? Math.fround : exact;
  return { form: c.form, n: c.n, m: c.m, W: c.W, U: c.U, b: c.b, act: refActivation(c.activation.name, c.activation.alpha), rd };
}

/** One step from state `x` with input `u`. */
export function refStep(M: RefModel, x: Float64Array, u: Float64Array): RefStep {
  const { n, m, rd, act } = M;
  const J = new Float64Array(n * n);
  const Ju = new Float64Array(n * m);
  if (M.form === 'elman') {
    const a = plus(plus(mm(M.W, x, n, n, 1, rd), mm(M.U, u, n, m, 1, rd), rd), M.b, rd);
    const gate = map(a, act.df, rd);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) J[i * n + j] = rd(gate[i] * M.W[i * n + j]);
      for (let j = 0; j < m; j++) Ju[i * m + j] = rd(gate[i] * M.U[i * m + j]);
    }
    return { next: map(a, act.f, rd), J, Ju, signal: x, feature: u, gate };
  }
  const signal = map(x, act.f, rd);
  const slope = map(x, act.df, rd);
  const feature = M.form === 'pascanu-sigma-input' ? map(u, act.f, rd) : u;
  const uslope = M.form === 'pascanu-sigma-input' ? map(u, act.df, rd) : new Float64Array(m).fill(1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) J[i * n + j] = rd(M.W[i * n + j] * slope[j]);
    for (let j = 0; j < m; j++) Ju[i * m + j] = rd(M.U[i * m + j] * uslope[j]);
  }
  const next = plus(plus(mm(M.W, signal, n, n, 1, rd), mm(M.U, feature, n, m, 1, rd), rd), M.b, rd);
  return { next, J, Ju, signal, feature, gate: undefined };
}

/** All steps of a sequence from x_0 with inputs us (T×m). */
export function refRun(M: RefModel, x0: Float64Array, us: Float64Array, T: number): RefStep[] {
  const steps: RefStep[] = [];
  let x = x0;
  for (let t = 0; t < T; t++) {
    const s = refStep(M, x, us.subarray(t * M.m, (t + 1) * M.m));
    steps.push(s);
    x = s.next;
  }
  return steps;
}
