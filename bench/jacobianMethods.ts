/**
 * Ways to get the same one-step Jacobian from one adapter, timed side by side: the adapter's own
 * stepJacobian (one batched pass where the framework allows it), n reverse passes (a VJP per row),
 * n forward passes (a JVP per column) and 2n forward evaluations (central differences). Only
 * contract members are called, so each method pays the adapter's real per-call cost.
 * @packageDocumentation
 */
import type { Adapter, SequenceCase, StepCase } from '../src/contract.js';
import { offers } from '../src/property/property.js';
import { scopeOf } from '../src/runner/run.js';
import { fixedStepCase } from './fixedCases.js';
import { timeTask, type Timing } from './timeTask.js';
import { declarationOf } from '../src/host/adapterDeclaration.js';

/** A method's name. */
export type JacobianMethod = 'stepJacobian' | 'n VJPs' | 'n JVPs' | 'central differences';

/** One method at one size. */
export interface MethodTiming {
  readonly method: JacobianMethod;
  readonly n: number;
  readonly timing: Timing;
}

const unit = (n: number, i: number): Float64Array => Float64Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));

/** Times every method the variant offers at hidden size n (tanh, float32, the first form it has). */
export async function jacobianMethods(a: Adapter, variant: string | undefined, n: number): Promise<MethodTiming[]> {
  const { forms, scope } = scopeOf(declarationOf(a), variant, 'float32');
  const c: StepCase = { ...fixedStepCase(n, forms[0], 'float32'), variant };
  const methods: [JacobianMethod, () => Promise<unknown>][] = [['stepJacobian', async () => a.stepJacobian(c)]];
  if (offers(declarationOf(a), scope, 'vjp'))
    methods.push([
      'n VJPs',
      async () => {
        for (let i = 0; i < n; i++) await a.vjp!(c, unit(n, i));
      },
    ]);
  if (offers(declarationOf(a), scope, 'jvp'))
    methods.push([
      'n JVPs',
      async () => {
        for (let j = 0; j < n; j++) await a.jvp!(c, unit(n, j));
      },
    ]);
  if (offers(declarationOf(a), scope, 'forward')) {
    // x_1 of a one-step sequence from x_0 = x ± h·e_j (the state in every form): the columns of ∂x_t/∂x_{t−1}.
    const h = 2 ** -12;
    const at = (j: number, s: number): SequenceCase => ({
      n,
      m: c.m,
      T: 1,
      W: c.W,
      U: c.U,
      b: c.b,
      x0: c.x.map((v, k) => (k === j ? v + s * h : v)),
      us: c.u,
      activation: c.activation,
      dtype: c.dtype,
      form: c.form,
      variant,
    });
    methods.push([
      'central differences',
      async () => {
        for (let j = 0; j < n; j++) {
          await a.forward!(at(j, 1));
          await a.forward!(at(j, -1));
        }
      },
    ]);
  }
  const out: MethodTiming[] = [];
  for (const [method, fn] of methods) out.push({ method, n, timing: await timeTask(fn, 300, 3, 2000) });
  return out;
}
