import type { Bounded } from '../bound/bounded.js';

/** A known wrong way to compute a quantity, evaluated on the failing case. */
export interface WrongForm {
  /** Stable ID, e.g. `transposed-jacobian`. */ readonly id: string;
  /** The wrong formula, e.g. `Wᵀ·diag(σ'(x_{t-1}))`. */ readonly formula: string;
  /** What it means, in a framework maintainer's words. */ readonly message: string;
  /** Its value on the case, with the same kind of bound as the expected value. */ readonly value: Bounded;
}
