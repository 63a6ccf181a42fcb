import type { CaseConstraints } from '../arbitrary/caseConstraints.js';
import { CaseFailure } from '../check/caseFailure.js';
import type { AdapterHost } from '../host/adapterHost.js';
import type { CallRequest, CallValue } from '../host/callRequest.js';
import type { CheckEnv, Property, PropertyId } from '../property/property.js';
import { specDocument } from '../spec/specDocument.js';
import { caseRandom } from './caseRandom.js';
import { outcomeOf, type CaseOutcome, type CheckedCase } from './caseOutcome.js';
import { replayCommand } from './replayCommand.js';
import { RATIO_BIN_EDGES, ratioBin } from './ratioHistogram.js';
import type { PropertyResult, Target } from '../result.js';
import { serializeCase } from './serializeCase.js';
import { shrinkFailure, walkPath, type Shrunk } from './shrinkFailure.js';
import { followUp } from './followUp.js';

/** What one property run needs. */
export interface PropertyRun {
  /** The property. */ readonly id: PropertyId;
  readonly property: Property<unknown>;
  /** The adapter's host and its `--adapter` spec (for replay lines). */ readonly host: AdapterHost;
  readonly adapterSpec: string;
  /** The target. */ readonly target: Target;
  /** Generation constraints. */ readonly constraints: CaseConstraints;
  /** Cases to run, seed, and a path to replay one case. */ readonly runs: number;
  readonly seed: number;
  readonly path?: string;
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
 * How many candidate cases shrinking may check after the first failure. Shrinking by leading blocks
 * needs tens (RJS-GEN-8); past the budget the smallest failing case found so far is reported,
 * flagged `shrinkStopped: "max-shrinks"`.
 */
export const DEFAULT_MAX_SHRINKS = 1000;

/**
 * Timed-out calls in a unit after which it stops shrinking: an adapter that hangs on every call, or
 * on every other one, would otherwise cost a timeout per shrink candidate (hours at the default
 * timeout). Counted in all, not in a row, so that hangs mixed with quick calls end too.
 */
export const MAX_TIMEOUTS = 3;

/**
 * Cases checked at once while generating: the next cases are generated, sent, and their expected
 * values computed while the adapter computes the ones before, so the suite's own work overlaps the
 * framework's instead of adding to it. Cases are independent until one fails, so the verdict is the
 * same as one at a time; the first failure in case order is the one shrunk. At least
 * {@link MIN_PIPELINE_DEPTH}, and as many as the adapter's calls take to cover {@link PIPELINE_COVER_MS}
 * (up to {@link MAX_PIPELINE_DEPTH}): with calls of a millisecond the runner's slower cases (an O(n³)
 * norm) would otherwise leave the adapter waiting, and with slow calls a failure wastes few.
 */
export function pipelineDepth(meanCallMs: number | undefined): number {
  if (meanCallMs === undefined || !(meanCallMs > 0)) return MIN_PIPELINE_DEPTH;
  return Math.max(MIN_PIPELINE_DEPTH, Math.min(MAX_PIPELINE_DEPTH, Math.ceil(PIPELINE_COVER_MS / meanCallMs)));
}
/** Bounds of {@link pipelineDepth}, and the time of adapter work it keeps under way. */
export const MIN_PIPELINE_DEPTH = 3;
export const MAX_PIPELINE_DEPTH = 10;
export const PIPELINE_COVER_MS = 10;

/** A replay path that names no case of this run (a usage error: exit 2). */
export class ReplayPathError extends Error {
  override readonly name = 'ReplayPathError';
}

/** Runs one property on one target, shrinking any failure to its smallest case (RJS-GEN-8, -9). */
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
  let timeouts = 0;
  /** Time the adapter's calls took so far in this unit, and how many (for the pipeline's depth). */
  let timedMs = 0;
  let timedCalls = 0;
  const maxShrinks = r.maxShrinks ?? DEFAULT_MAX_SHRINKS;
  const env: CheckEnv = {
    adapter: declaration,
    variant: r.target.variant,
    scope: r.constraints.scope,
    call: async (request: CallRequest): Promise<CallValue> => {
      const outcome = await r.host.call(request, r.timeoutMs);
      if (outcome.adapterMs !== undefined && Number.isFinite(outcome.adapterMs)) (timedMs += outcome.adapterMs), timedCalls++;
      if (!outcome.ok) throw new CaseFailure(outcome.failure);
      return outcome.value;
    },
    observe: (note: string) => observations.add(note),
  };
  const arbitrary = r.property.arbitrary(r.constraints, declaration);
  /** Timed-out cases that count: up to the first failure and while shrinking (not the ones drained after it). */
  const countTimeout = (o: CaseOutcome): void => {
    if (!o.ok && o.failure.kind === 'timeout') timeouts++;
  };
  /** One case checked, with the notes it made; counted only by {@link record}. */
  const evaluate = async (kase: unknown): Promise<{ outcome: CaseOutcome; notes: string[] }> => {
    const notes: string[] = [];
    const outcome = await outcomeOf(r.id, () => r.property.check(kase, { ...env, observe: (note: string) => notes.push(note) }));
    return { outcome, notes };
  };
  /** Counts a checked case in the unit's result: its notes, its ratio. */
  const record = (e: { outcome: CaseOutcome; notes: string[] }): CaseOutcome => {
    cases++;
    for (const note of e.notes) observations.add(note);
    r.onCase?.(cases);
    if (e.outcome.ok) {
      if (e.outcome.ratio > maxRatio) maxRatio = e.outcome.ratio;
      histogram[ratioBin(e.outcome.ratio)]++;
    }
    return e.outcome;
  };
  const check = async (kase: unknown): Promise<CaseOutcome> => record(await evaluate(kase));
  const pastDeadline = (): boolean => r.deadline !== undefined && performance.now() > r.deadline;

  let found: { index: number; checked: CheckedCase<unknown> & { outcome: { ok: false } }; prefix: number[] } | undefined;
  let atBudget = false;
  if (r.path !== undefined) {
    // A replay: walk the path without calling the adapter, then check that one case.
    const [index, ...steps] = r.path.split(':').map(Number);
    let value: CheckedCase<unknown>['value'];
    try {
      value = walkPath(arbitrary, arbitrary.generate(caseRandom(r.seed, index)), steps);
    } catch (e) {
      throw new ReplayPathError(e instanceof Error ? e.message : String(e));
    }
    const outcome = await check(value.value);
    countTimeout(outcome);
    if (!outcome.ok) found = { index, checked: { value, outcome }, prefix: steps };
  } else {
    const inFlight: { index: number; value: CheckedCase<unknown>['value']; evaluation: ReturnType<typeof evaluate> }[] = [];
    let next = 0;
    /** The case after which generation stopped (a failure, or the time budget). */
    let stoppedAt: number | undefined;
    for (;;) {
      while (found === undefined && !atBudget && next < r.runs && inFlight.length < pipelineDepth(timedCalls > 0 ? timedMs / timedCalls : undefined)) {
        const value = arbitrary.generate(caseRandom(r.seed, next));
        const evaluation = evaluate(value.value);
        // Awaited in order below; an internal error of a case behind the head must not go unhandled meanwhile.
        evaluation.catch(() => undefined);
        inFlight.push({ index: next++, value, evaluation });
      }
      const item = inFlight.shift();
      if (item === undefined) break;
      const evaluated = await item.evaluation;
      // The cases after the stop were already under way: they finish (the host answers in order) but decide
      // nothing. The result counts the MIN_PIPELINE_DEPTH − 1 right after it, however deep the pipeline ran,
      // so that it does not depend on how fast the adapter was.
      if (stoppedAt !== undefined && item.index >= stoppedAt + MIN_PIPELINE_DEPTH) continue;
      const outcome = record(evaluated);
      if (stoppedAt !== undefined) {
        // Counted cases are checked cases: after a stop at the time budget, one of them that fails is the
        // unit's failure (the verdict covers every case it counts), found here as it would have been before.
        if (found === undefined && !outcome.ok) {
          countTimeout(outcome);
          found = { index: item.index, checked: { value: item.value, outcome }, prefix: [] };
        }
        continue;
      }
      countTimeout(outcome);
      if (!outcome.ok) found = { index: item.index, checked: { value: item.value, outcome }, prefix: [] };
      else if (pastDeadline()) atBudget = true;
      if (found !== undefined || atBudget) stoppedAt = item.index;
    }
  }

  const base = { ...head, cases, maxRatio, durationMs: performance.now() - started, observations: [...observations].sort(), ratioHistogram: histogram };
  if (found === undefined)
    return { ...base, cases, durationMs: performance.now() - started, verdict: 'pass', ...(atBudget ? { stoppedAtBudget: true as const } : {}) };

  const shrunk: Shrunk<unknown> =
    r.path !== undefined
      ? { value: found.checked.value, failure: found.checked.outcome.failure, steps: [], calls: 0 }
      : await shrinkFailure(found.checked, {
          arbitrary,
          check: async (kase) => {
            const o = await check(kase);
            countTimeout(o);
            return o;
          },
          stop: (calls) => (timeouts >= MAX_TIMEOUTS ? 'timeouts' : calls >= maxShrinks ? 'max-shrinks' : pastDeadline() ? 'time-budget' : undefined),
        });
  // A replay follows up too, so that it names what the report named.
  const failure = await followUp(shrunk.failure, shrunk.value.value, {
    activations: r.constraints.activations,
    variant: r.target.variant,
    check,
    property: r.id,
  });
  const path = [found.index, ...found.prefix, ...shrunk.steps].join(':');
  return {
    ...base,
    cases,
    durationMs: performance.now() - started,
    observations: [...observations].sort(),
    verdict: 'fail',
    counterexample: {
      case: serializeCase(shrunk.value.value, r.target.variant),
      failure,
      seed: r.seed,
      path,
      replay: replayCommand({
        adapter: r.adapterSpec,
        backend: r.target.backend,
        variant: r.target.variant,
        dtype: r.target.dtype,
        property: r.id,
        maxN: r.constraints.maxN,
        maxT: r.constraints.maxT,
        opts: r.opts,
        seed: r.seed,
        path,
        timeoutMs: r.timeoutMs,
        runs: r.runs,
        isolation: r.host.isolation,
      }),
      failedAfter: found.index + 1,
      shrinks: shrunk.steps.length,
      shrinkCalls: shrunk.calls,
      ...(shrunk.stopped !== undefined ? { shrinkStopped: shrunk.stopped } : {}),
    },
  };
}
