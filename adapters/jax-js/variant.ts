/**
 * One variant of the adapter: an AD entry point (transforms.ts), run eagerly or under `jax.jit`.
 * It turns a case into jax-js arrays on the adapter's device, runs the program of the capability,
 * and reads the result back, shaped only as the contract says.
 */
import type { ActivationRef, Dtype, Form, LossCase, ParameterGradients, SequenceCase, StepCase } from '../../src/contract.js';
import { read, scalar, toArray, type JArray, type Jax, type JaxDevice } from './jax.js';
import { programsOf, type Program, type Programs, type SequenceArgs, type StepArgs } from './programs.js';
import type { AdEntryPoint } from './transforms.js';

/** The capabilities of one variant, as the adapter contract has them. */
export interface JaxVariant {
  stepJacobian(c: StepCase): Promise<Float64Array | Float32Array>;
  inputJacobian(c: StepCase): Promise<Float64Array | Float32Array>;
  sequenceJacobian(c: SequenceCase): Promise<Float64Array | Float32Array>;
  vjp(c: StepCase, v: Float64Array): Promise<Float64Array | Float32Array>;
  jvp(c: StepCase, w: Float64Array): Promise<Float64Array | Float32Array>;
  parameterGradients(c: LossCase): Promise<ParameterGradients>;
  forward(c: SequenceCase): Promise<Float64Array | Float32Array>;
}

/**
 * Lays out k vectors of length r, the JVPs J·e_1 … J·e_k stacked as rows, as the columns of the
 * r×k Jacobian: a JVP is a column of J (numerator layout), as a VJP is a row.
 */
export function columnsOf(jvps: Float64Array | Float32Array, r: number, k: number): Float64Array {
  const J = new Float64Array(r * k);
  for (let col = 0; col < k; col++) for (let i = 0; i < r; i++) J[i * k + col] = jvps[col * r + i];
  return J;
}

/** Creates variant `t` (under jit when `jit`) on `device`. */
export function jaxVariant(jax: Jax, device: JaxDevice, t: AdEntryPoint, jit: boolean): JaxVariant {
  const programs = (c: { form: Form; activation: ActivationRef }): Programs => programsOf(jax, t, c.form, c.activation);
  /** Runs a program eagerly, or compiled by jax.jit (one compilation per case, released with it). */
  const runProgram = <A, R>(p: Program<A, R> | undefined, args: A): R => {
    if (p === undefined) throw new Error(`jax-js adapter: variant ${jit ? 'jit-' : ''}${t.name} has no such capability`);
    if (!jit) return p(args);
    const compiled = jax.jit(p as (a: A) => R & JArray);
    try {
      return compiled(args as never) as R;
    } finally {
      compiled.dispose();
    }
  };
  const arr = (values: ArrayLike<number>, shape: number[], dtype: Dtype): JArray => toArray(jax, values, shape, dtype, device);
  const weights = (c: StepCase | SequenceCase) => ({
    W: arr(c.W, [c.n, c.n], c.dtype),
    U: arr(c.U, [c.n, c.m], c.dtype),
    b: arr(c.b, [c.n], c.dtype),
    alpha: scalar(jax, c.activation.alpha ?? 0, c.dtype, device),
  });
  const stepArgs = (c: StepCase): StepArgs => ({ ...weights(c), x: arr(c.x, [c.n], c.dtype), u: arr(c.u, [c.m], c.dtype) });
  const sequenceArgs = (c: SequenceCase): SequenceArgs => ({ ...weights(c), x0: arr(c.x0, [c.n], c.dtype), us: arr(c.us, [c.T, c.m], c.dtype) });
  /** A Jacobian the entry point returned, read as it holds it (transforms.ts). */
  const jacobian = async (J: JArray, r: number, k: number): Promise<Float64Array | Float32Array> =>
    t.holds === 'rows' ? read(J) : columnsOf(await read(J), r, k);
  // jax-js's default device is process-wide, and it creates constants (e.g. np.eye) there: every call
  // first makes sure it is this adapter's. Async, so that a throw inside jax-js rejects the promise.
  const on = async <T>(f: () => Promise<T>): Promise<T> => {
    if (jax.defaultDevice() !== device) jax.defaultDevice(device);
    return f();
  };
  return {
    stepJacobian: (c) => on(() => jacobian(runProgram(programs(c).stepJacobian, stepArgs(c)), c.n, c.n)),
    inputJacobian: (c) => on(() => jacobian(runProgram(programs(c).inputJacobian, stepArgs(c)), c.n, c.m)),
    sequenceJacobian: (c) => on(() => jacobian(runProgram(programs(c).sequenceJacobian, sequenceArgs(c)), c.n, c.n)),
    vjp: (c, v) => on(() => read(runProgram(programs(c).vjp, { ...stepArgs(c), v: arr(v, [c.n], c.dtype) }))),
    jvp: (c, w) => on(() => read(runProgram(programs(c).jvp, { ...stepArgs(c), v: arr(w, [c.n], c.dtype) }))),
    forward: (c) => on(() => read(runProgram(programs(c).forward, sequenceArgs(c)))),
    parameterGradients: (c) =>
      on(async () => {
        const [W, U, b, x0] = runProgram(programs(c).parameterGradients, { ...sequenceArgs(c), cs: arr(c.cs, [c.T, c.n], c.dtype) });
        return { W: await read(W), U: await read(U), b: await read(b), x0: await read(x0) };
      }),
  };
}
