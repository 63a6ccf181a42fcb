/**
 * An independent oracle for the reference adapter: forward-mode dual numbers pushed through the
 * recurrence itself. It never writes a Jacobian formula (no W·diag(σ'), no transpose): each column of
 * a Jacobian is the ε-part of the states after seeding one input with ε, and σ is built from
 * primitives (exp, log, erf, +, ×, ÷) whose derivative rules are the only calculus it knows.
 */
import type { Form, LossCase, ParameterGradients, SequenceCase, StepCase } from '../../src/contract.js';
import { refErf } from './functions.js';

/** a + b·ε with ε² = 0. */
interface Dual {
  readonly a: number;
  readonly b: number;
}

const d = (a: number, b = 0): Dual => ({ a, b });
const add = (x: Dual, y: Dual): Dual => d(x.a + y.a, x.b + y.b);
const mul = (x: Dual, y: Dual): Dual => d(x.a * y.a, x.a * y.b + x.b * y.a);
const div = (x: Dual, y: Dual): Dual => d(x.a / y.a, (x.b * y.a - x.a * y.b) / (y.a * y.a));
const exp = (x: Dual): Dual => d(Math.exp(x.a), Math.exp(x.a) * x.b);
const log = (x: Dual): Dual => d(Math.log(x.a), x.b / x.a);
const erf = (x: Dual): Dual => d(refErf(x.a), (2 / Math.sqrt(Math.PI)) * Math.exp(-x.a * x.a) * x.b);
const neg = (x: Dual): Dual => d(-x.a, -x.b);
const ONE = d(1);

function sigma(name: string, alpha: number, x: Dual): Dual {
  switch (name) {
    case 'identity':
      return x;
    case 'tanh': {
      const e = exp(mul(d(-2), x.a >= 0 ? x : neg(x)));
      const t = div(add(ONE, neg(e)), add(ONE, e));
      return x.a >= 0 ? t : neg(t);
    }
    case 'sigmoid':
      return x.a >= 0 ? div(ONE, add(ONE, exp(neg(x)))) : div(exp(x), add(ONE, exp(x)));
    // At a kink (x = 0) both the oracle and the reference take the right-hand branch, so that
    // states which land exactly on 0 (sparse W) compare equal; the spec accepts either side.
    case 'relu':
      return x.a >= 0 ? x : d(0);
    case 'leakyRelu':
      return x.a >= 0 ? x : mul(d(alpha), x);
    case 'elu':
      return x.a >= 0 ? x : mul(d(alpha), add(exp(x), d(-1)));
    case 'softplus':
      return x.a > 0 ? add(x, log(add(ONE, exp(neg(x))))) : log(add(ONE, exp(x)));
    case 'gelu':
      return mul(mul(d(0.5), x), add(ONE, erf(mul(d(Math.SQRT1_2), x))));
    default:
      throw new Error(`oracle: unknown activation '${name}'`);
  }
}

/** Seeds: which input carries ε. */
type Seed = { readonly of: 'x0' | 'W' | 'U' | 'b' | 'u1' | 'none'; readonly at: number };

interface Problem {
  readonly form: Form;
  readonly n: number;
  readonly m: number;
  readonly T: number;
  readonly W: Float64Array;
  readonly U: Float64Array;
  readonly b: Float64Array;
  readonly x0: Float64Array;
  readonly us: Float64Array;
  readonly activation: { name: string; alpha?: number };
}

/** Runs the recurrence on dual numbers; returns the states x_1 … x_T. */
function run(p: Problem, seed: Seed): Dual[][] {
  const lift = (arr: Float64Array, of: Seed['of']): Dual[] => Array.from(arr, (v, i) => d(v, seed.of === of && seed.at === i ? 1 : 0));
  const W = lift(p.W, 'W');
  const U = lift(p.U, 'U');
  const b = lift(p.b, 'b');
  const s = (x: Dual): Dual => sigma(p.activation.name, p.activation.alpha ?? 0, x);
  let x = lift(p.x0, 'x0');
  const states: Dual[][] = [];
  for (let t = 0; t < p.T; t++) {
    const u = Array.from(p.us.subarray(t * p.m, (t + 1) * p.m), (v, j) => d(v, t === 0 && seed.of === 'u1' && seed.at === j ? 1 : 0));
    const inp = p.form === 'pascanu-sigma-input' ? u.map(s) : u;
    const prev = p.form === 'elman' ? x : x.map(s);
    const next: Dual[] = [];
    for (let i = 0; i < p.n; i++) {
      // Summed in the reference's order, (W·x + U·u) + b, so that a pre-activation that cancels to
      // within rounding of a kink has the same sign in both and both take the same branch.
      let wx = d(0);
      for (let k = 0; k < p.n; k++) wx = add(wx, mul(W[i * p.n + k], prev[k]));
      let uu = d(0);
      for (let k = 0; k < p.m; k++) uu = add(uu, mul(U[i * p.m + k], inp[k]));
      const acc = add(add(wx, uu), b[i]);
      next.push(p.form === 'elman' ? s(acc) : acc);
    }
    states.push(next);
    x = next;
  }
  return states;
}

function stepProblem(c: StepCase): Problem {
  return { ...c, T: 1, x0: c.x, us: c.u };
}

/** Column k of a Jacobian is the ε-part of the last state with input k seeded. */
function jacobian(p: Problem, of: Seed['of'], cols: number): Float64Array {
  const J = new Float64Array(p.n * cols);
  for (let k = 0; k < cols; k++) {
    const last = run(p, { of, at: k })[p.T - 1];
    for (let i = 0; i < p.n; i++) J[i * cols + k] = last[i].b;
  }
  return J;
}

/** ∂x_t/∂x_{t−1} by forward mode. */
export function oracleStepJacobian(c: StepCase): Float64Array {
  return jacobian(stepProblem(c), 'x0', c.n);
}

/** ∂x_t/∂u_t by forward mode. */
export function oracleInputJacobian(c: StepCase): Float64Array {
  return jacobian(stepProblem(c), 'u1', c.m);
}

/** ∂x_T/∂x_0 by forward mode through all T steps. */
export function oracleSequenceJacobian(c: SequenceCase): Float64Array {
  return jacobian(c, 'x0', c.n);
}

/** x_1 … x_T, T×n. */
export function oracleForward(c: SequenceCase): Float64Array {
  return Float64Array.from(run(c, { of: 'none', at: 0 }).flat(), (q) => q.a);
}

/** ∂L/∂θ for every parameter entry θ, one forward-mode pass each. */
export function oracleParameterGradients(c: LossCase): ParameterGradients {
  const dL = (of: Seed['of'], size: number): Float64Array =>
    Float64Array.from({ length: size }, (_, at) => {
      const states = run(c, { of, at });
      let s = 0;
      for (const [t, x] of states.entries()) for (const [i, q] of x.entries()) s += c.cs[t * c.n + i] * q.b;
      return s;
    });
  return { W: dL('W', c.n * c.n), U: dL('U', c.n * c.m), b: dL('b', c.n), x0: dL('x0', c.n) };
}
