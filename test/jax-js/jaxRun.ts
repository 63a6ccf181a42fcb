/**
 * Runs the jax-js adapter in-process the way the CLI does, and states jax-js's known failures: the
 * test files assert that every failure of a run is one of them, so a new one (or a fix) shows.
 * Each is explained, with its minimal repro, in the README's jax-js section.
 * @packageDocumentation
 */
import { afterAll, beforeAll } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import { DEFAULTS } from '../../src/cli/cliOptions.js';
import type { Adapter } from '../../src/contract.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import type { PropertyId } from '../../src/property/property.js';
import type { PropertyResult, RunResult } from '../../src/runner/result.js';
import { run } from '../../src/runner/run.js';

/** Creates the jax-js adapter on `backend`. */
export function jaxAdapter(backend: string): Promise<Adapter> {
  return loadAdapter('jax-js', { backend });
}

/** The adapter on `backend`, or the message of the error that kept it from starting. */
export async function tryJaxAdapter(backend: string): Promise<{ adapter?: Adapter; missing?: string }> {
  try {
    return { adapter: await jaxAdapter(backend) };
  } catch (err) {
    return { missing: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * For the enclosing describe: the adapter on `backend` and a short run of every variant, dtype and
 * property (a few tiny cases each), made once before its tests; the adapter is disposed after them.
 */
export function shortRun(backend: string): { adapter(): Adapter; result(): RunResult } {
  let adapter: Adapter | undefined;
  let result: RunResult | undefined;
  beforeAll(async () => {
    adapter = await jaxAdapter(backend);
    result = await runJax(adapter, backend, { runs: 4, maxN: 5, maxT: 3 });
  });
  afterAll(() => adapter?.dispose?.());
  return { adapter: () => adapter!, result: () => result! };
}

/** What one test run varies. */
export interface JaxRunOptions {
  readonly runs: number;
  readonly variant?: string;
  readonly dtype?: 'float32' | 'float64';
  readonly properties?: readonly PropertyId[];
  readonly maxN?: number;
  readonly maxT?: number;
  readonly seed?: number;
}

/** A run of the jax-js adapter with the default seed unless `o` says otherwise. */
export function runJax(adapter: Adapter, backend: string, o: JaxRunOptions): Promise<RunResult> {
  return run({
    adapter, adapterSpec: 'jax-js', backend, variant: o.variant, dtype: o.dtype, properties: o.properties ?? PROPERTY_IDS,
    runs: o.runs, seed: o.seed ?? DEFAULTS.seed, maxN: o.maxN ?? DEFAULTS.maxN, maxT: o.maxT ?? DEFAULTS.maxT, timeoutMs: 60_000, opts: {},
  });
}

/** The failures of a run that are none of the known ones (each as a line for the assertion message). */
export function unexpectedFailures(r: RunResult, known: readonly ((r: PropertyResult) => boolean)[]): string[] {
  return r.results
    .filter((x) => x.verdict === 'fail' && !known.some((k) => k(x)))
    .map((x) => `${x.property} ${x.target.variant} ${x.target.dtype}: ${x.counterexample?.failure.summary ?? ''} [${x.counterexample?.failure.diagnosis?.id ?? '-'}]`);
}

/** The Jacobian properties, the ones a Jacobian function's layout decides. */
const JACOBIAN_PROPERTIES = ['step-jacobian', 'kink-subgradient', 'input-jacobian', 'sequence-jacobian'];

/**
 * jax-js 0.1.25's `jacfwd` is `vmap(v ↦ jvp(f, [x], [v])[1])(eye(n_in))`, and jax-js's vmap always
 * stacks its results on axis 0 (it has no out_axes): the JVPs J·e_k become rows, so it returns
 * [n_in, n_out], the transpose of JAX's output.shape + input.shape. Where the shrunk case is on a
 * row of W, Wᵀ·D and Jᵀ coincide and the suite names transpose-W, saying so.
 */
export function isJacfwdTranspose(r: PropertyResult): boolean {
  const d = r.counterexample?.failure.diagnosis;
  return /^(jit-)?jacfwd$/.test(r.target.variant ?? '') && JACOBIAN_PROPERTIES.includes(r.property) && d !== undefined &&
    (d.id === 'transposed-jacobian' || (d.id === 'transpose-W' && d.message.includes('transposed-jacobian')));
}

/**
 * jax-js 0.1.25's `jacrev` seeds the pullback with `eye(size)` where size is the length of the
 * *input*, not of the output: for f: Rᵐ → Rⁿ with n > m the pullback throws ("internal: unbroadcast
 * shape mismatch"), with n < m it returns an m×m array. Only the input Jacobian (n×m) is not square.
 */
export function isJacrevNonSquare(r: PropertyResult): boolean {
  const f = r.counterexample?.failure;
  const c = r.counterexample?.case as { n: number; m: number } | undefined;
  if (!/^(jit-)?jacrev$/.test(r.target.variant ?? '') || r.property !== 'input-jacobian' || f === undefined || c === undefined) return false;
  return c.n > c.m ? f.kind === 'threw' && f.summary.includes('unbroadcast shape mismatch')
    : f.kind === 'wrong-shape' && f.summary.includes(`returned ${c.m * c.m} numbers`);
}

/**
 * Activations whose jax-js kernels lose accuracy, per device and dtype (the README's jax-js accuracy
 * findings, measured by `node scripts/jax-js-unary-accuracy.mjs DEVICE`):
 * - wasm, float64: every transcendental kernel (exp, log, erf …) demotes to float32, evaluates a
 *   float32 polynomial and promotes the result: float64 results are float32-accurate;
 * - wasm, float32: log is a 4-term series (≈ 300 roundoffs at x → 2, softplus), exp's range reduction
 *   uses ln 2 rounded to float32 (≈ 11 roundoffs near x = −9.3: sigmoid, softplus', elu), and tanh is
 *   (1 − e^(−2|x|))/(1 + e^(−2|x|)), which cancels near 0;
 * - cpu, float64: tanh cancels near 0 as on wasm, and erf/erfc (gelu) are Abramowitz & Stegun 7.1.26,
 *   with an absolute error of 1.5e-7;
 * - cpu, float32: eager np.tanh is right to a roundoff, but a tanh traced by jvp/vjp/grad is evaluated by
 *   the cancelling formula (50.5 roundoffs at 0.001, as on wasm), which BPTT's ∂L/∂W exposes;
 * - webgpu, float32: the kernels of wasm float32 (tanh 48.6 roundoffs at 0.001, elu's exp(x) − 1,
 *   softplus at −10, exp's range reduction, erfc).
 */
export const INACCURATE: Readonly<Record<string, Readonly<Partial<Record<'float32' | 'float64', readonly string[]>>>>> = {
  wasm: { float64: ['tanh', 'sigmoid', 'softplus', 'elu', 'gelu'], float32: ['tanh', 'sigmoid', 'softplus', 'elu', 'gelu'] },
  cpu: { float64: ['tanh', 'gelu'], float32: ['tanh'] },
  webgpu: { float32: ['tanh', 'sigmoid', 'softplus', 'elu', 'gelu'] },
};

/** A failure diagnosed as lost accuracy, with an activation whose kernel {@link INACCURATE} lists for its device and dtype. */
export function isKnownInaccuracy(r: PropertyResult): boolean {
  const d = r.counterexample?.failure.diagnosis?.id;
  const activation = (r.counterexample?.case as { activation?: { name: string } } | undefined)?.activation?.name;
  const listed = INACCURATE[r.target.backend ?? '']?.[r.target.dtype] ?? [];
  return (d === 'inaccurate' || d === 'reduced-precision') && activation !== undefined && listed.includes(activation);
}

/** The activations whose jax-js derivative goes through an exp that can overflow. */
const EXP_OVERFLOW_ACTIVATIONS = ['sigmoid', 'softplus', 'elu'];

/**
 * jax-js 0.1.25 differentiates `nn.sigmoid` = 1/(1 + exp(−x)), `nn.softplus` = log(exp(x) + 1) and
 * `nn.elu` = where(x < 0, α·(exp(x) − 1), x) by the chain rule through an exp that overflows, and
 * 0·∞ is NaN (or ∞): in reverse mode, and under jit in forward mode too, sigmoid' for x < −88.7 and
 * softplus' and elu' for x > 88.7 in float32 on wasm, past ±709.8 in float64. The suite meets it where a sequence's
 * states grow that large (`node scripts/jax-js-overflow-repros.mjs DEVICE` shows it without the suite).
 */
export function isExpOverflowNaN(r: PropertyResult): boolean {
  const f = r.counterexample?.failure;
  const activation = (r.counterexample?.case as { activation?: { name: string } } | undefined)?.activation?.name;
  return f?.kind === 'non-finite' && activation !== undefined && EXP_OVERFLOW_ACTIVATIONS.includes(activation);
}

/** Every known jax-js failure. */
export const KNOWN_FAILURES = [isJacfwdTranspose, isJacrevNonSquare, isKnownInaccuracy, isExpOverflowNaN];

