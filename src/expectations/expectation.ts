/**
 * Expectation files (`--expectations FILE`): a framework's list of its known failures, each with a
 * reason, so that its CI stays green on them while any new failure, and any known failure that has
 * started to pass, still fails the run. The format is documented in docs/expectation-files.md.
 * @packageDocumentation
 */
import type { FailureKind } from '../result.js';

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
