import type fc from 'fast-check';
import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import type { Adapter, MaybePromise } from '../contract.js';

/** Property IDs (CLI names), in the order of specs/spec.json. */
export type PropertyId =
  | 'step-jacobian' | 'kink-subgradient' | 'input-jacobian' | 'sequence-jacobian'
  | 'parameter-gradients' | 'adjoint' | 'forward' | 'gradient-bound';

/** What a property's check gets besides the case. */
export interface CheckEnv {
  /** The adapter under test. */ readonly adapter: Adapter;
  /** The variant under test (undefined when the adapter has none). */ readonly variant: string | undefined;
  /**
   * Calls the adapter: a throw, a rejection or a call slower than `--timeout` becomes a failure of the
   * case (CaseFailure), never a crash of the runner.
   */
  call<T>(what: string, f: () => MaybePromise<T>): Promise<T>;
  /** Records an observation that is not a verdict (e.g. the subgradient used at a kink). */
  observe(note: string): void;
}

/** A property of the spec: how to generate its cases and how to check one. */
export interface Property<C> {
  /** CLI name. */ readonly id: PropertyId;
  /** Why it does not apply to this adapter, or undefined when it does. */
  notApplicable(adapter: Adapter, c: CaseConstraints): string | undefined;
  /** The generator of its cases. */
  arbitrary(c: CaseConstraints, adapter: Adapter): fc.Arbitrary<C>;
  /** Checks one case; resolves to max error/tolerance, throws CaseFailure when the case fails. */
  check(kase: C, env: CheckEnv): Promise<number>;
}

/** "needs X" when the adapter lacks an optional member. */
export function missing(adapter: Adapter, ...members: (keyof Adapter)[]): string | undefined {
  const lacking = members.filter((m) => typeof adapter[m] !== 'function');
  return lacking.length === 0 ? undefined : `the adapter does not implement ${lacking.join(', ')}`;
}
