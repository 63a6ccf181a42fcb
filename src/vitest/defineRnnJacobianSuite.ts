/**
 * `rnn-jac-spec/vitest`: the spec's properties as vitest tests, in the user's own test runner. One
 * `test.prop` of @fast-check/vitest per property × target (variant × dtype) of the adapter, whose
 * fast-check run and shrinking are vitest's like any other property test; a failure's message is the
 * suite's (what differs, by how much against which tolerance, and the known wrong form it matches).
 * Properties the adapter does not offer are registered as skipped, with the reason.
 * @packageDocumentation
 */
import { test } from '@fast-check/vitest';
import { describe } from 'vitest';
import type { Adapter, Dtype } from '../contract.js';
import { properties, PROPERTY_IDS } from '../property/properties.js';
import type { Property, PropertyId } from '../property/property.js';
import { CaseFailure } from '../check/caseFailure.js';
import { declarationOf } from '../host/adapterDeclaration.js';
import type { AdapterHost } from '../host/adapterHost.js';
import type { CallRequest } from '../host/callRequest.js';
import { inProcessHost } from '../host/inProcessHost.js';
import { caseConstraintsOf, targetsOf } from '../runner/run.js';

/** What {@link defineRnnJacobianSuite} takes. */
export interface RnnJacobianSuiteOptions {
  /** The adapter under test, already created (in an ESM test file: `await createAdapter(...)`). */ readonly adapter: Adapter;
  /** Properties to register (default: all, in spec order). */ readonly properties?: readonly PropertyId[];
  /** Only this variant / dtype (default: every one the adapter declares). */ readonly variant?: string;
  readonly dtype?: Dtype;
  /** Cases per property and target (default 100, as the CLI). */ readonly runs?: number;
  /** fast-check seed (default 12115063, as the CLI; vitest prints the seed of a failure to replay it). */ readonly seed?: number;
  /** Largest n and T (default 64 and 16, as the CLI). */ readonly maxN?: number;
  readonly maxT?: number;
  /** Milliseconds one adapter call may take (default 30000) and one test (default: unlimited). */ readonly callTimeoutMs?: number;
  readonly testTimeoutMs?: number;
}

/**
 * Registers a `describe` block named after the adapter, with one test per property × target.
 * @param o - the adapter and the run's options
 */
export function defineRnnJacobianSuite(o: RnnJacobianSuiteOptions): void {
  const adapter = o.adapter;
  const runs = o.runs ?? 100;
  const seed = o.seed ?? 12115063;
  const maxN = o.maxN ?? 64;
  const maxT = o.maxT ?? 16;
  const ids = o.properties ?? PROPERTY_IDS;
  const declaration = declarationOf(adapter);
  // The adapter runs in vitest's process (vitest isolates test files itself), with private copies
  // of every input compared after each call; created on first use, since it may be async.
  let host: Promise<AdapterHost> | undefined;
  const call = async (request: CallRequest) => {
    const outcome = await (host ??= inProcessHost(adapter)).then((h) => h.call(request, o.callTimeoutMs ?? 30_000));
    if (!outcome.ok) throw new CaseFailure(outcome.failure);
    return outcome.value;
  };
  describe(`rnn-jac-spec: ${adapter.name}`, () => {
    for (const target of targetsOf({ adapter: declaration, variant: o.variant, dtype: o.dtype })) {
      const { constraints, supported } = caseConstraintsOf(declaration, target, maxN, maxT);
      for (const id of ids) {
        const property = properties[id] as Property<unknown>;
        const name = `${id} ${[target.variant, target.dtype].filter((x) => x !== undefined).join(' ')}`;
        const reason = supported.length === 0 ? 'the adapter supports no catalogue activation' : property.notApplicable(declaration, constraints);
        if (reason !== undefined) {
          test.skip(`${name} (not applicable: ${reason})`, () => {});
          continue;
        }
        const env = { adapter: declaration, variant: target.variant, scope: constraints.scope, call, observe: () => {} };
        test.prop([property.arbitrary(constraints, declaration)], { numRuns: runs, seed })(
          name,
          async (kase) => {
            await property.check(kase, env);
          },
          o.testTimeoutMs ?? 0,
        );
      }
    }
  });
}
