/**
 * Expectation files (`--expectations FILE`): a framework's list of its known failures, each with a
 * reason, so that its CI stays green on them while any new failure, and any known failure that has
 * started to pass, still fails the run. The format is documented in the README ("Expectation files").
 * @packageDocumentation
 */
import type { FailureKind } from '../runner/result.js';

/**
 * One known failure. Each selector (`property`, `adapter`, `backend`, `variant`, `dtype`) is a name
 * or a list of names; a missing selector matches anything. The pins `kind` and `diagnosis` say which
 * failure is known, so that a different failure of the same unit still fails the run; a missing pin
 * admits any failure. `reason` says why the failure is known, e.g. the framework's issue.
 */
export interface Expectation {
  /** Property IDs (CLI names), e.g. `step-jacobian`. */ readonly property?: readonly string[];
  /** Adapter names, as the adapter reports its name. */ readonly adapter?: readonly string[];
  /** Backends (`--backend`). */ readonly backend?: readonly string[];
  /** Variants (AD entry points). */ readonly variant?: readonly string[];
  /** dtypes. */ readonly dtype?: readonly string[];
  /** The failure kinds admitted, e.g. `mismatch`. */ readonly kind?: readonly FailureKind[];
  /** The diagnosis IDs admitted, e.g. `transposed-jacobian`; a failure without a diagnosis has none. */ readonly diagnosis?: readonly string[];
  /** Why the failure is expected. */ readonly reason: string;
}

/** The selectors of an {@link Expectation}, in the order messages name them. */
export const SELECTORS = ['property', 'adapter', 'backend', 'variant', 'dtype'] as const;

/** The pins of an {@link Expectation}: which failure of the selected units it expects. */
export const PINS = ['kind', 'diagnosis'] as const;

/** What one selecting entry expected of a failure: its pins and reason. */
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
  | { readonly outcome: 'expected-failure'; /** The first admitting entry's reason. */ readonly reason: string }
  | { readonly outcome: 'unexpected-pass'; /** The first selecting entry's reason. */ readonly reason: string }
  | {
      readonly outcome: 'unexpected-failure';
      /** The first selecting entry's reason. */ readonly reason: string;
      /** Every entry that selects the unit, none of which admits the failure. */ readonly expected: readonly ExpectedFailure[];
      /** The failure that happened. */ readonly actual: ObservedFailure;
    };
