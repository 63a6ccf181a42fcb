import fc from 'fast-check';
import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { CaseFailure } from '../check/caseFailure.js';
import type { AdapterHost } from '../host/adapterHost.js';
import type { CallRequest, CallValue } from '../host/callRequest.js';
import type { Property, PropertyId } from '../property/property.js';
import { specDocument } from '../spec/specDocument.js';
import { replayCommand } from './replayCommand.js';
import { RATIO_BIN_EDGES, ratioBin } from './ratioHistogram.js';
import type { PropertyResult, Target } from './result.js';
import { serializeCase } from './serializeCase.js';

/** What one property run needs. */
export interface PropertyRun {
  /** The property. */ readonly id: PropertyId; readonly property: Property<unknown>;
  /** The adapter's host and its `--adapter` spec (for replay lines). */ readonly host: AdapterHost; readonly adapterSpec: string;
  /** The target. */ readonly target: Target;
  /** Generation constraints. */ readonly constraints: CaseConstraints;
  /** Cases to run, seed, and a path to replay one case. */ readonly runs: number; readonly seed: number; readonly path?: string;
  /** Per-call timeout. */ readonly timeoutMs: number;
  /** `--opt` values, for replay lines. */ readonly opts: Readonly<Record<string, string>>;
  /** Called after every case. */ readonly onCase?: (cases: number) => void;
  /** Most cases checked while shrinking one failure (default {@link DEFAULT_MAX_SHRINKS}). */ readonly maxShrinks?: number;
  /**
   * `performance.now()` after which the unit stops: generation after its first case (the verdict then
   * covers the cases checked), or shrinking (the smallest failure so far is reported).
   */
  readonly deadline?: number;
}

/**
 * How many candidate cases shrinking may check after the first failure. Shrinking a 64×64 case entry
 * by entry can take thousands of adapter calls (41 min for one jax-js target, measured); past the
 * budget the smallest failing case found so far is reported, flagged `shrinkStopped: "max-shrinks"`.
 */
export const DEFAULT_MAX_SHRINKS = 1000;

/**
 * Timed-out calls in a unit after which it stops shrinking: an adapter that hangs on every call, or
 * on every other one, would otherwise cost a timeout per shrink candidate (hours at the default
 * timeout). Counted in all, not in a row, so that hangs mixed with quick calls end too.
 */
export const MAX_TIMEOUTS = 3;

/** Runs one property on one target with fast-check, shrinking any failure to its smallest case. */
export async function runProperty(r: PropertyRun): Promise<PropertyResult> {
  const meta = specDocument().properties.find((p) => p.id === r.id);
  const head = { property: r.id, rule: meta?.rule ?? r.id, title: meta?.title ?? r.id, target: r.target };
  const started = performance.now();
  const declaration = r.host.declaration;
  const reason = r.property.notApplicable(declaration, r.constraints);
  if (reason !== undefined) return { ...head, verdict: 'not-applicable', reason, cases: 0, maxRatio: 0, durationMs: 0 };

  const observations = new Set<string>();
  let cases = 0;
  let maxRatio = 0;
  const histogram = RATIO_BIN_EDGES.map(() => 0);
  let firstFailure = -1;
  let stopped: 'max-shrinks' | 'timeouts' | 'time-budget' | undefined;
  let atBudget = false;
  let timeouts = 0;
  const maxShrinks = r.maxShrinks ?? DEFAULT_MAX_SHRINKS;
  const env = {
    adapter: declaration,
    variant: r.target.variant,
    scope: r.constraints.scope,
    call: async (request: CallRequest): Promise<CallValue> => {
      const outcome = await r.host.call(request, r.timeoutMs);
      if (!outcome.ok && outcome.failure.kind === 'timeout') timeouts++;
      if (!outcome.ok) throw new CaseFailure(outcome.failure);
      return outcome.value;
    },
    observe: (note: string) => observations.add(note),
  };
  const prop = fc.asyncProperty(r.property.arbitrary(r.constraints, declaration), async (kase) => {
    if (r.deadline !== undefined && cases > 0 && performance.now() > r.deadline) {
      // The unit's time is spent: stop generating (or shrinking) here, keeping what was found.
      if (firstFailure >= 0) stopped = 'time-budget';
      else atBudget = true;
      throw new fc.PreconditionFailure(true);
    }
    if (firstFailure >= 0 && (cases - firstFailure >= maxShrinks || timeouts >= MAX_TIMEOUTS)) {
      // Budget spent, or the adapter keeps hanging: interrupt fast-check, which keeps the smallest
      // failure it has. (Answering "pass" instead would still walk every remaining candidate.)
      stopped = timeouts >= MAX_TIMEOUTS ? 'timeouts' : 'max-shrinks';
      throw new fc.PreconditionFailure(true);
    }
    cases++;
    r.onCase?.(cases);
    try {
      const ratio = await r.property.check(kase, env);
      if (ratio > maxRatio) maxRatio = ratio;
      histogram[ratioBin(ratio)]++;
    } catch (e) {
      if (firstFailure < 0) firstFailure = cases;
      throw e;
    }
  });
  const details = await fc.check(prop, { numRuns: r.runs, seed: r.seed, path: r.path, endOnFailure: false });
  const base = { ...head, cases, maxRatio, durationMs: performance.now() - started, observations: [...observations].sort(), ratioHistogram: histogram };
  if (!details.failed) return { ...base, verdict: 'pass', ...(atBudget ? { stoppedAtBudget: true as const } : {}) };
  const error = details.errorInstance;
  if (!(error instanceof CaseFailure)) {
    // Not a verdict on the adapter: a defect of rnn-jac-spec itself. Say so loudly.
    throw new Error(`internal error of rnn-jac-spec in property ${r.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const path = details.counterexamplePath ?? '';
  return {
    ...base,
    verdict: 'fail',
    counterexample: {
      case: serializeCase(details.counterexample?.[0], r.target.variant),
      failure: error.data,
      seed: details.seed,
      path,
      replay: replayCommand({ adapter: r.adapterSpec, backend: r.target.backend, variant: r.target.variant, dtype: r.target.dtype, property: r.id, maxN: r.constraints.maxN, maxT: r.constraints.maxT, opts: r.opts, seed: details.seed, path, timeoutMs: r.timeoutMs, runs: r.runs, isolation: r.host.isolation }),
      failedAfter: details.numRuns,
      shrinks: details.numShrinks,
      ...(stopped !== undefined ? { shrinkStopped: stopped } : {}),
    },
  };
}
