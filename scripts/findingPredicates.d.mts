import type { CaseFailureData } from '../src/runner/result.js';
import type { Dtype } from '../src/contract.js';
/** See findingPredicates.mjs. */
export function flushedToZero(failure: CaseFailureData | undefined, dtype: Dtype): boolean;
