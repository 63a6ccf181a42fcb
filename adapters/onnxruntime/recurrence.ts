/**
 * The spec's recurrences as ONNX graphs, on batches of states stored as rows: a B×n matrix X holds
 * B states, so W·x is `MatMul(X, Transpose(W))` and U·u + b is `Gemm(u, U, b, transB = 1)`.
 */
import type { ActivationRef, Form } from '../../src/contract.js';
import { sigma } from './activation.js';
import type { Dim, GraphBuilder, Value } from './builder.js';

/** The graph inputs of a recurrence unrolled over T steps. */
export interface Unrolled {
  readonly X0: Value;
  readonly W: Value;
  readonly U: Value;
  readonly b: Value;
  /** u_1 … u_T, each Bu×m. */
  readonly us: readonly Value[];
  /** x_1 … x_T, each max(Bx, Bu)×n. */
  readonly states: readonly Value[];
}

/**
 * Sizes of an unrolled graph: Bx initial states and Bu copies of each input, broadcast together.
 * All but T (the number of steps unrolled) may be symbolic.
 */
export interface UnrollSizes {
  readonly n: Dim;
  readonly m: Dim;
  readonly T: number;
  readonly Bx: Dim;
  readonly Bu: Dim;
}

/** Declares the inputs and appends T steps of `form` with activation `a`. */
export function unroll(g: GraphBuilder, form: Form, a: ActivationRef, s: UnrollSizes): Unrolled {
  const X0 = g.input('X0', [s.Bx, s.n]);
  const W = g.input('W', [s.n, s.n]);
  const U = g.input('U', [s.n, s.m]);
  const b = g.input('b', [s.n]);
  const us = Array.from({ length: s.T }, (_, t) => g.input(`u${t}`, [s.Bu, s.m]));
  const Wt = g.op('Transpose', [W], { perm: { kind: 'ints', value: [1, 0] } });
  const transB = { transB: { kind: 'int', value: 1 } } as const;
  const states: Value[] = [];
  let X = X0;
  for (const u of us) {
    switch (form) {
      case 'pascanu':
        X = g.op('Add', [g.op('MatMul', [sigma(g, a, X), Wt]), g.op('Gemm', [u, U, b], transB)]);
        break;
      case 'pascanu-sigma-input':
        X = g.op('Add', [g.op('MatMul', [sigma(g, a, X), Wt]), g.op('Gemm', [sigma(g, a, u), U, b], transB)]);
        break;
      case 'elman':
        X = sigma(g, a, g.op('Add', [g.op('MatMul', [X, Wt]), g.op('Gemm', [u, U, b], transB)]));
        break;
    }
    states.push(X);
  }
  return { X0, W, U, b, us, states };
}
