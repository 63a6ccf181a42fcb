/**
 * Expectation files (`--expectations FILE`): a framework's list of its known failures, each with a
 * reason, so that its CI stays green on them while any new failure, and any known failure that has
 * started to pass, still fails the run. The format is documented in the README ("Expectation files").
 * @packageDocumentation
 */

/**
 * One known failure. Each selector (`property`, `adapter`, `backend`, `variant`, `dtype`) is a name
 * or a list of names; a missing selector matches anything. `reason` says why the failure is known,
 * e.g. the framework's issue.
 */
export interface Expectation {
  /** Property IDs (CLI names), e.g. `step-jacobian`. */ readonly property?: readonly string[];
  /** Adapter names, as the adapter reports its name. */ readonly adapter?: readonly string[];
  /** Backends (`--backend`). */ readonly backend?: readonly string[];
  /** Variants (AD entry points). */ readonly variant?: readonly string[];
  /** dtypes. */ readonly dtype?: readonly string[];
  /** Why the failure is expected. */ readonly reason: string;
}

/** The selectors of an {@link Expectation}, in the order messages name them. */
export const SELECTORS = ['property', 'adapter', 'backend', 'variant', 'dtype'] as const;

/** What an expectation made of a result. */
export interface ExpectationOutcome {
  /**
   * `expected-failure`: the property failed and the file expects it (the run may still pass);
   * `unexpected-pass`: the file expects a failure but the property passed (the run fails, so the
   * entry is removed before it goes stale).
   */
  readonly outcome: 'expected-failure' | 'unexpected-pass';
  /** The matching expectation's reason. */ readonly reason: string;
}
