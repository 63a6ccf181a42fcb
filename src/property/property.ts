import type { CaseArbitrary } from '../arbitrary/caseArbitrary.js';
import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import type { VariantScope } from '../contract.js';
import type { AdapterDeclaration, Capability } from '../host/adapterDeclaration.js';
import type { CallRequest, CallValue } from '../host/callRequest.js';

export type { Capability } from '../host/adapterDeclaration.js';

/** Property IDs (CLI names), in the order of specs/spec.json. */
export type PropertyId =
  | 'step-jacobian'
  | 'kink-subgradient'
  | 'input-jacobian'
  | 'sequence-jacobian'
  | 'parameter-gradients'
  | 'adjoint'
  | 'forward'
  | 'gradient-bound';

/** What a property's check gets besides the case. */
export interface CheckEnv {
  /** What the adapter under test declares (the adapter itself runs in its host). */ readonly adapter: AdapterDeclaration;
  /** The variant under test (undefined when the adapter has none). */ readonly variant: string | undefined;
  /** The variant's declared scope (the same as the constraints'): `finiteDifference` changes the expected values. */
  readonly scope?: VariantScope;
  /**
   * Calls the adapter in its host. Resolves to the validated result; every way the call can go wrong
   * (a throw, a timeout, a crash of the host, a write into the inputs, a malformed result) rejects
   * with the CaseFailure of the case, never with anything else.
   */
  call(request: CallRequest): Promise<CallValue>;
  /** Records an observation that is not a verdict (e.g. the subgradient used at a kink). */
  observe(note: string): void;
}

/** A property of the spec: how to generate its cases and how to check one. */
export interface Property<C> {
  /** CLI name. */ readonly id: PropertyId;
  /** Why it does not apply to this adapter, or undefined when it does. */
  notApplicable(adapter: AdapterDeclaration, c: CaseConstraints): string | undefined;
  /** The generator of its cases. */
  arbitrary(c: CaseConstraints, adapter: AdapterDeclaration): CaseArbitrary<C>;
  /** Checks one case; resolves to max error/tolerance, throws CaseFailure when the case fails. */
  check(kase: C, env: CheckEnv): Promise<number>;
  /**
   * Starts what its checks use that takes time to start (a worker thread), so that it starts while
   * the adapter does rather than in the unit's first cases. Optional; calling it again does nothing.
   */
  prepare?(): void;
}

/**
 * "needs X" when the adapter lacks an optional member, or when the variant's scope leaves it out of
 * its `capabilities`; undefined when every member is there.
 */
export function missing(adapter: AdapterDeclaration, scope: VariantScope | undefined, ...members: Capability[]): string | undefined {
  const lacking = members.filter((m) => !adapter.methods.includes(m));
  if (lacking.length > 0) return `the adapter does not implement ${lacking.join(', ')}`;
  const offered = scope?.capabilities;
  const left = offered === undefined ? [] : members.filter((m) => !offered.includes(m));
  return left.length === 0 ? undefined : `this variant does not offer ${left.join(', ')} (its capabilities: ${offered?.join(', ') || 'none'})`;
}

/** Whether the variant offers an optional member: the adapter has it and the scope's capabilities include it. */
export function offers(adapter: AdapterDeclaration, scope: VariantScope | undefined, member: Capability): boolean {
  return missing(adapter, scope, member) === undefined;
}

/**
 * Why a property that uses the step Jacobian other than entry by entry does not apply to a
 * finite-difference variant without the autodiff member it could use `instead` (RJS-TOL-FD).
 */
export function notForFiniteDifference(adapter: AdapterDeclaration, scope: VariantScope | undefined, instead: Capability): string | undefined {
  if (scope?.finiteDifference === undefined || offers(adapter, scope, instead)) return undefined;
  return `this variant's step Jacobian is a central difference (RJS-TOL-FD), checked only entry by entry, and it offers no ${instead} to use instead`;
}
