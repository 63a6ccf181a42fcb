/**
 * The result vocabulary: what a run produces, from one case's failure to the whole run, as the
 * checks, the diagnosis, the host, the runner and every report writer see it. This is also the shape
 * of the JSON report (specs/report.schema.json), so it holds only plain data. It sits beside the
 * adapter contract, below every folder of src/, and imports nothing but the contract.
 * @packageDocumentation
 */
import type { AdapterInfo, Dtype, Form } from './contract.js';

/** Verdict of one property on one target. */
export type Verdict = 'pass' | 'fail' | 'not-applicable';

/** The adapter, backend, variant and dtype a property ran against. */
export interface Target {
  /** Adapter name (as the adapter reports it). */ readonly adapter: string;
  /** `--backend`, if given. */ readonly backend: string | undefined;
  /** AD entry point, if the adapter declares variants. */ readonly variant: string | undefined;
  /** dtype. */ readonly dtype: Dtype;
}

/** The largest error seen, relative to its tolerance. */
export interface WorstEntry {
  /** What was compared, e.g. `∂x_t/∂x_{t-1}` or `∂L/∂W`. */ readonly quantity: string;
  /** Row and column (column 0 for vectors). */ readonly row: number;
  readonly col: number;
  /** Expected value. */ readonly expected: number;
  /** Value the adapter returned. */ readonly actual: number;
  /** |actual − expected|. */ readonly error: number;
  /** Tolerance at that entry. */ readonly tolerance: number;
}

/** A matrix for display: rows×cols, row-major. */
export interface MatrixData {
  /** Rows. */ readonly rows: number;
  /** Columns. */ readonly cols: number;
  /** Values, row-major. */ readonly values: readonly number[];
}

/** Which known wrong form the actual value matches. */
export interface Diagnosis {
  /** Stable ID of the wrong form, e.g. `transposed-jacobian`; `unknown` when none matches. */ readonly id: string;
  /** One sentence for a framework maintainer. */ readonly message: string;
  /** The wrong form as a formula, e.g. `Wᵀ·diag(σ'(x_{t-1}))`. */ readonly formula?: string;
  /** Other wrong forms the same values match on this case (a tie a follow-up case may break). */ readonly alsoMatches?: readonly string[];
  /** A second defect beside the named form: `reduced-precision` or `inaccurate` (RJS-DIAG-5). */ readonly also?: string;
  /** A follow-up case told tied forms apart (RJS-DIAG-6): what it showed. */ readonly followUp?: FollowUp;
}

/**
 * The follow-up case run when the shrunk case cannot tell wrong forms apart (RJS-DIAG-6), or to check
 * a precision reading with the states away from 0 (RJS-DIAG-7).
 */
export interface FollowUp {
  /** What was changed in the shrunk case. */ readonly change: string;
  /** The follow-up case, as in the counterexample. */ readonly case: Record<string, unknown>;
  /** The forms tied on the shrunk case, or the precision reading it checked (RJS-DIAG-7). */ readonly tied: readonly string[];
  /** What the follow-up's failure was diagnosed as (undefined when it did not fail the same way). */ readonly diagnosis?: string;
}

/**
 * The kinds of case failure (RJS-RUN-2): `mismatch` (wrong values), `threw` (the adapter threw or
 * rejected, or its host crashed or exited), `timeout`, `non-finite` (NaN or ±Infinity), `wrong-shape`
 * (not an array of the right length of numbers) and `mutated-input` (the adapter wrote into an input).
 */
export const FAILURE_KINDS = ['mismatch', 'threw', 'timeout', 'non-finite', 'wrong-shape', 'mutated-input'] as const;
/** One of them. */
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Why a case failed, with everything a maintainer needs without reading our code. */
export interface CaseFailureData {
  /** What went wrong (RJS-RUN-2). */
  readonly kind: FailureKind;
  /** One-line summary. */ readonly summary: string;
  /** The quantity that failed. */ readonly quantity: string;
  /** Expected value (shrunk case), when there is one. */ readonly expected?: MatrixData;
  /** Actual value, when there is one. */ readonly actual?: MatrixData;
  /** Tolerance per entry, when there is one. */ readonly tolerance?: MatrixData;
  /** The worst entry. */ readonly worst?: WorstEntry;
  /** The known wrong form it matches. */ readonly diagnosis?: Diagnosis;
  /** `threw`: the top frames of the error's stack (where in the framework it threw). */ readonly stack?: string;
}

/** A failing property's shrunk counterexample and how to replay it. */
export interface Counterexample {
  /** The shrunk case: the inputs the adapter was given (typed arrays as plain arrays). */ readonly case: Record<string, unknown>;
  /** What went wrong. */ readonly failure: CaseFailureData;
  /** The run's seed. */ readonly seed: number;
  /** Replay path of the shrunk case: the case index, then the candidate taken at each shrink step (RJS-GEN-9). */ readonly path: string;
  /** One command line that replays exactly this case. */ readonly replay: string;
  /** Cases run before the first failure (1-based). */ readonly failedAfter: number;
  /** Shrinking steps taken. */ readonly shrinks: number;
  /** Candidates checked while shrinking (adapter calls from the first failure to the shrunk case). */ readonly shrinkCalls: number;
  /**
   * Present when shrinking stopped early, so that a smaller failing case may exist: `max-shrinks`
   * (the `--max-shrinks` budget was spent), `timeouts` (calls kept timing out) or `time-budget` (the
   * unit's time budget was spent).
   */
  readonly shrinkStopped?: 'max-shrinks' | 'timeouts' | 'time-budget';
}

/** What one entry of an expectation file (`--expectations`) that selects a unit expected of its failure: its pins and reason. */
export interface ExpectedFailure {
  /** The kinds it admits (absent: any). */ readonly kind?: readonly FailureKind[];
  /** The diagnosis IDs it admits (absent: any). */ readonly diagnosis?: readonly string[];
  /** Its reason. */ readonly reason: string;
}

/** What failed, as the pins see it. */
export interface ObservedFailure {
  /** The counterexample's failure kind (absent when no counterexample was recorded). */ readonly kind?: FailureKind;
  /** The diagnosis ID (absent when the failure has no diagnosis). */ readonly diagnosis?: string;
}

/**
 * What an expectation made of a result:
 * `expected-failure`: the property failed as the file expects (the run may still pass);
 * `unexpected-pass`: the file expects a failure but the property passed (the run fails, so the entry
 * is removed before it goes stale);
 * `unexpected-failure`: the file expects a failure of this unit, but of another kind or diagnosis
 * (the run fails: a new bug can hide behind a known one).
 */
export type ExpectationOutcome =
  | { readonly outcome: 'expected-failure' /** The first admitting entry's reason. */; readonly reason: string }
  | { readonly outcome: 'unexpected-pass' /** The first selecting entry's reason. */; readonly reason: string }
  | {
      readonly outcome: 'unexpected-failure';
      /** The first selecting entry's reason. */ readonly reason: string;
      /** Every entry that selects the unit, none of which admits the failure. */ readonly expected: readonly ExpectedFailure[];
      /** The failure that happened. */ readonly actual: ObservedFailure;
    };

/** One property on one target. */
export interface PropertyResult {
  /** Property ID (CLI name). */ readonly property: string;
  /** Rule ID in the spec. */ readonly rule: string;
  /** Short title. */ readonly title: string;
  /** The target. */ readonly target: Target;
  /** Verdict. */ readonly verdict: Verdict;
  /** Why it is not applicable (missing capability, dtype …). */ readonly reason?: string;
  /** Cases generated and checked (including shrinking runs). */ readonly cases: number;
  /** Largest error/tolerance ratio over passing cases (≤ 1 means pass); how close to the edge. */ readonly maxRatio: number;
  /** Wall time in milliseconds. */ readonly durationMs: number;
  /** The counterexample, when it failed. */ readonly counterexample?: Counterexample;
  /** Observations that are not verdicts, e.g. the subgradient a framework uses at a kink. */ readonly observations?: readonly string[];
  /** Generation stopped at the unit's time budget after `cases` cases (fewer than the run's `runs`); the verdict covers those. */ readonly stoppedAtBudget?: true;
  /** What `--expectations` made of it: an expected failure, a failure other than the one expected, or an expected failure that passed. */ readonly expectation?: ExpectationOutcome;
  /**
   * Passing cases per bin of error/tolerance (ratioHistogram.ts: 0, ≤1e-6, decades, ≤0.5, ≤1); the
   * cases that failed (while shrinking) are `cases` minus their sum.
   */
  readonly ratioHistogram?: readonly number[];
}

/**
 * What the spec's catalogue has and the adapter did not declare, so that no case of the run drew it:
 * a green run says nothing about it.
 */
export interface NotDeclared {
  /** Dtypes the adapter does not compute in. */ readonly dtypes: readonly Dtype[];
  /**
   * Per target the run has: the activations and forms its cases could not draw (targets that miss nothing
   * are left out); and `notComputed` for a variant whose scope leaves out a dtype the adapter computes in
   * (no target, so every activation and form).
   */
  readonly targets: readonly {
    readonly variant?: string;
    readonly dtype: Dtype;
    readonly activations: readonly string[];
    readonly forms: readonly Form[];
    readonly notComputed?: true;
  }[];
}

/** A whole run. */
export interface RunResult {
  /** Version of the report format (follows specs/report.schema.json). */ readonly reportVersion: 2;
  /** rnn-jac-spec version. */ readonly tool: { readonly name: 'rnn-jac-spec'; readonly version: string; readonly specVersion: string };
  /** The adapter as loaded: `--adapter` value, and what `info()` said. */ readonly adapter: {
    readonly spec: string;
    readonly name: string;
    readonly info?: AdapterInfo;
  };
  /** The options of the run. */
  readonly options: {
    readonly seed: number;
    readonly runs: number;
    readonly maxN: number;
    readonly maxT: number;
    readonly properties: readonly string[];
    readonly backend?: string;
    readonly variant?: string;
    readonly dtype?: Dtype;
    readonly timeoutMs: number;
    /** Where the adapter ran: `process` (a supervised child process) or `none` (the runner's process). */ readonly isolation: 'process' | 'none';
    readonly maxShrinks?: number;
    /** `--time-budget` and `--unit-time-budget`, ms. */ readonly timeBudgetMs?: number;
    readonly unitTimeBudgetMs?: number;
    /** `--opt key=value` options given to the adapter's factory (besides `backend`), when any were. */ readonly opts?: Readonly<Record<string, string>>;
    readonly expectations?: string;
    /**
     * `--shard`: this report holds shard `index` of `count`, dealt from `units` property × target pairs;
     * `plan` digests those units and the declaration they were dealt from (shards merge only with equal plans).
     */
    readonly shard?: { readonly index: number; readonly count: number; readonly units: number; readonly plan?: string };
  };
  /** ISO time the run started. */ readonly startedAt: string;
  /** Total wall time in milliseconds. */ readonly durationMs: number;
  /** One entry per property × target. */ readonly results: readonly PropertyResult[];
  /**
   * Why the run gives no verdict (exit 2), though its results stand: adapter code that failed outside
   * any case (a dispose() that threw or hung, an exception or a write into the inputs after the last
   * call), an adapter that never started (`during: "start"`), a `--jobs` child that broke off, or an
   * internal error of rnn-jac-spec (`during: "rnn-jac-spec"`).
   */
  readonly faults?: readonly { readonly during: string; readonly message: string }[];
  /** Present when the run was interrupted (SIGINT, SIGTERM): `results` holds the units that ended. */
  readonly interrupted?: true;
  /** What the adapter did not declare, so that no case drew it (absent when it declared everything, or never started). */
  readonly notDeclared?: NotDeclared;
  /**
   * Counts of verdicts; with `--expectations`, also the failures it expects (counted in `fail` too),
   * the passes it expected to fail, and the failures of listed units that its pins do not admit
   * (counted in `fail` too).
   */
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly notApplicable: number;
    readonly cases: number;
    readonly expectedFailures?: number;
    readonly unexpectedPasses?: number;
    readonly unexpectedFailures?: number;
  };
}
