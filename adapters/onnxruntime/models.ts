/**
 * The graphs the adapter runs, each built once per structure and cached as a session: forward
 * states, and gradient graphs derived by {@link gradients} from the forward graph with batched
 * cotangents, so that one `session.run` yields a whole Jacobian or every BPTT gradient. Sizes are
 * symbolic (shapes.ts), so a session serves every n, m and batch with the same equalities.
 */
import type { ActivationRef, Form } from '../../src/contract.js';
import { GraphBuilder } from './builder.js';
import { gradients } from './gradients.js';
import type { GraphDef } from './onnx.js';
import { unroll } from './recurrence.js';
import { symbolicSizes } from './shapes.js';
import type { VjpRule } from './vjpRules.js';

/** Which graph. */
export type ModelKind =
  /** Cotangents dY (Bx×n) of x_T → cotangents of X0: with dY = I and Bx = n copies, row i is row i of ∂x_T/∂x_0. */
  | 'stateGrad'
  /** T = 1, Bu = n copies of u with dY = I → rows of ∂x_1/∂u_1. */
  | 'inputGrad'
  /** Cotangents c_t (1×n) of every x_t → ∂L/∂W, ∂L/∂U, ∂L/∂b, ∂L/∂x_0 of L = Σ⟨c_t, x_t⟩. */
  | 'bptt'
  /** The states x_1 … x_T, concatenated: (T·max(Bx, Bu))×n. */
  | 'forward';

/** A graph's kind, recurrence and dtype, with the sizes of the case it runs (the graph sees only their pattern). */
export interface ModelSpec {
  readonly kind: ModelKind;
  readonly form: Form;
  readonly activation: ActivationRef;
  readonly dtype: 'float32' | 'float64';
  readonly n: number;
  readonly m: number;
  readonly T: number;
  readonly Bx: number;
  readonly Bu: number;
}

/** Builds the graph of `s`; `rules` replaces VJP rules (tests swap one for a wrong one). */
export function buildModel(s: ModelSpec, rules?: Readonly<Record<string, VjpRule>>): GraphDef {
  const g = new GraphBuilder(s.dtype);
  const r = unroll(g, s.form, s.activation, { ...sizesOf(s).dims, T: s.T });
  const last = r.states[r.states.length - 1];
  switch (s.kind) {
    case 'stateGrad': {
      const [dX0] = gradients(g, [last], [g.input('dY', last.dims)], [r.X0], rules);
      g.output(dX0, 'dX0');
      break;
    }
    case 'inputGrad': {
      const [du] = gradients(g, [last], [g.input('dY', last.dims)], [r.us[0]], rules);
      g.output(du, 'du');
      break;
    }
    case 'bptt': {
      const cs = r.states.map((x, t) => g.input(`c${t}`, x.dims));
      const [dW, dU, db, dX0] = gradients(g, r.states, cs, [r.W, r.U, r.b, r.X0], rules);
      g.output(dW, 'dW');
      g.output(dU, 'dU');
      g.output(db, 'db');
      g.output(dX0, 'dX0');
      break;
    }
    case 'forward':
      g.output(r.states.length === 1 ? r.states[0] : g.op('Concat', [...r.states], { axis: { kind: 'int', value: 0 } }), 'states');
      break;
  }
  return g.graph(`rnn_jac_spec_${s.kind}`);
}

/** The spec's sizes as dimensions (shapes.ts). */
function sizesOf(s: ModelSpec) {
  return symbolicSizes({ n: s.n, m: s.m, Bx: s.Bx, Bu: s.Bu });
}

/**
 * The cache key of a spec: everything its graph depends on. alpha is an attribute of the forward
 * LeakyRelu and Elu nodes, and T the number of steps unrolled; the sizes count only through their pattern.
 */
export function modelKey(s: ModelSpec): string {
  const act = s.activation.alpha === undefined ? s.activation.name : `${s.activation.name}(${s.activation.alpha})`;
  return [s.kind, s.form, act, s.dtype, s.T, sizesOf(s).pattern].join('|');
}
