/**
 * The reference adapter's backpropagation through time with one optional mistake, shared by the
 * gradient mutants: each mistake changes one line of the same backward loop.
 * @packageDocumentation
 */
import { mm, plus, tr } from '../../adapters/reference/linalg.js';
import { refModel, refRun, type RefModel } from '../../adapters/reference/recurrence.js';
import type { LossCase, ParameterGradients } from '../../src/contract.js';
import { apply } from './mutant.js';

/** BPTT mistakes; none set is the reference's BPTT. */
export interface BpttBug {
  /** Start at the last step and stop there (a detached state). */ readonly lastStepOnly?: boolean;
  /** Carry the gradient back with J instead of Jᵀ. */ readonly forwardJacobian?: boolean;
  /** Carry δ back from step t + 1 to t with J_tᵀ instead of J_{t+1}ᵀ (the tape read one step early). */ readonly jacobianOneStepEarly?: boolean;
  /** Leave step T's term out of ∂L/∂W. */ readonly wMissesLastStep?: boolean;
  /** Accumulate ∂L/∂U as g(u_t)·δᵀ (m×n) into U's n×m buffer. */ readonly uTransposed?: boolean;
  /** Leave step 1's term out of ∂L/∂b. */ readonly bMissesFirstStep?: boolean;
  /** Return δ_1 = ∂L/∂x_1 as ∂L/∂x_0 (the last Jᵀ product skipped). */ readonly x0IsDelta1?: boolean;
}

/** ∂L/∂W, ∂L/∂U, ∂L/∂b and ∂L/∂x_0 of a loss case by BPTT in model `M` (default: the case's own), with `bug`. */
export function buggyBptt(c: LossCase, bug: BpttBug = {}, M: RefModel = refModel(c)): ParameterGradients {
  const { n, m, T } = c;
  const rd = M.rd;
  const steps = refRun(M, c.x0, c.us, T);
  let W: Float64Array = new Float64Array(n * n);
  let U: Float64Array = new Float64Array(n * m);
  let b: Float64Array = new Float64Array(n);
  let g: Float64Array = new Float64Array(n);
  let delta1: Float64Array = g;
  const first = bug.lastStepOnly === true ? T - 1 : 0;
  for (let t = T - 1; t >= first; t--) {
    const s = steps[t];
    g = plus(g, c.cs.subarray(t * n, (t + 1) * n), rd);
    delta1 = g;
    const gate = s.gate;
    const lin = gate === undefined ? g : Float64Array.from(g, (v, i) => rd(v * gate[i]));
    if (!(bug.wMissesLastStep === true && t === T - 1)) W = plus(W, mm(lin, s.signal, n, 1, n, rd), rd);
    U = plus(U, bug.uTransposed === true ? mm(s.feature, lin, m, 1, n, rd) : mm(lin, s.feature, n, 1, m, rd), rd);
    if (!(bug.bMissesFirstStep === true && t === 0)) b = plus(b, lin, rd);
    const J = bug.jacobianOneStepEarly === true && t > 0 ? steps[t - 1].J : s.J;
    g = bug.forwardJacobian === true ? apply(J, g, n, rd) : mm(tr(J, n, n), g, n, n, 1, rd);
  }
  return { W, U, b, x0: bug.x0IsDelta1 === true ? delta1 : g };
}
