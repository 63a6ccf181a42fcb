import type { Dtype, Form, VariantScope } from '../contract.js';

/** What every case generator needs to know: sizes, the adapter's declarations, the dtype. */
export interface CaseConstraints {
  /** Largest hidden size n (`--max-n`, default 64). */ readonly maxN: number;
  /** Largest sequence length T (`--max-t`, default 16). */ readonly maxT: number;
  /** Smallest n and T (default 1; benchmarks pin a size with minN = maxN). */ readonly minN?: number;
  readonly minT?: number;
  /** Largest input size m (default min(8, maxN)). */ readonly maxM: number;
  /** The dtype the case's inputs are exactly representable in. */ readonly dtype: Dtype;
  /** Forms the adapter implements. */ readonly forms: readonly Form[];
  /** Activations the adapter supports (catalogue order). */ readonly activations: readonly string[];
  /**
   * The variant's declared scope, if any: properties read its `capabilities` (what is applicable)
   * and `finiteDifference` (which expected value and tolerance, RJS-TOL-FD) from it.
   */
  readonly scope?: VariantScope;
}
