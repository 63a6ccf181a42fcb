/**
 * The harness overhead at one size: the bare framework call (the adapter member alone, on cases the
 * property generates at that size) next to the suite's whole time per case (a fast-check run of the
 * property through runProperty: generation, the call, the expected value with its error bound, the
 * comparison, the histogram), both measured in this process.
 * @packageDocumentation
 */
import fc from 'fast-check';
import type { Adapter, LossCase, SequenceCase, StepCase } from '../src/contract.js';
import { properties } from '../src/property/properties.js';
import type { PropertyId } from '../src/property/property.js';
import { caseConstraintsOf } from '../src/runner/run.js';
import type { Target } from '../src/result.js';
import { runProperty } from '../src/runner/runProperty.js';
import { timeTask, type Timing } from './timeTask.js';
import { declarationOf } from '../src/host/adapterDeclaration.js';
import { inProcessHost } from '../src/host/inProcessHost.js';

/** The properties the overhead is measured for, and the adapter member each calls. */
export const TIMED = {
  'step-jacobian': 'stepJacobian',
  'sequence-jacobian': 'sequenceJacobian',
  'parameter-gradients': 'parameterGradients',
} as const satisfies Partial<Record<PropertyId, keyof Adapter>>;

/** A property TIMED covers. */
export type TimedProperty = keyof typeof TIMED;

/** One size's figures. */
export interface OverheadCell {
  /** Property, n and T (T = 1 for the step Jacobian). */ readonly property: TimedProperty;
  readonly n: number;
  readonly T: number;
  /** The adapter member alone. */ readonly bare: Timing;
  /** The suite, per case. */ readonly suite: Timing;
  /** suite / bare: the harness overhead factor. */ readonly ratio: number;
  /** Cases per second of the suite. */ readonly casesPerSecond: number;
  /** Verdict of the timed runs (a failing property shrinks, which would distort the time: noted). */ readonly verdict: string;
}

const SAMPLE = 8;
const SEED = 424242;

/** Measures `property` on `target` at hidden size n and sequence length T (m random in 1..min(8, n)). */
export async function suiteOverhead(
  adapter: Adapter,
  adapterSpec: string,
  target: Target,
  property: TimedProperty,
  n: number,
  T: number,
): Promise<OverheadCell> {
  const declaration = declarationOf(adapter);
  const base = caseConstraintsOf(declaration, target, n, T).constraints;
  const constraints = { ...base, minN: n, minT: T };
  const prop = properties[property];
  const host = await inProcessHost(adapter);
  const cases = fc
    .sample(prop.arbitrary(constraints, declaration) as unknown as fc.Arbitrary<LossCase>, { seed: SEED, numRuns: SAMPLE })
    .map((c) => ({ ...c, variant: target.variant }));
  const member = TIMED[property];
  let k = 0;
  const call = (): Promise<unknown> => {
    const c = cases[k++ % SAMPLE];
    if (member === 'stepJacobian') return Promise.resolve(adapter.stepJacobian(c as unknown as StepCase));
    if (member === 'sequenceJacobian') return Promise.resolve(adapter.sequenceJacobian!(c as SequenceCase));
    return Promise.resolve(adapter.parameterGradients!(c));
  };
  // Every sampled case once first: each has its own m, and a new shape compiles kernels (WebGPU,
  // jit) that a run pays once per shape, not per case.
  for (let w = 0; w < SAMPLE; w++) await call();
  const bare = await timeTask(call);
  // Each iteration is one fast-check run of `runs` cases at this size (a new seed each time); its time
  // is divided by the cases it checked (fewer when a case fails: a failure is not shrunk here).
  const runs = 2;
  let seed = SEED;
  let verdict = 'pass';
  const checked: number[] = [];
  const suiteRun = await timeTask(async () => {
    const r = await runProperty({
      id: property,
      property: prop,
      host,
      adapterSpec,
      target,
      constraints,
      runs,
      seed: seed++,
      timeoutMs: 600_000,
      opts: {},
      maxShrinks: 0,
    });
    checked.push(Math.max(1, r.cases));
    if (r.verdict !== 'pass') verdict = r.verdict;
  });
  const perRun = checked.reduce((a, b) => a + b, 0) / checked.length;
  const suite: Timing = { ...suiteRun, meanMs: suiteRun.meanMs / perRun };
  return { property, n, T, bare, suite, ratio: suite.meanMs / bare.meanMs, casesPerSecond: 1000 / suite.meanMs, verdict };
}
