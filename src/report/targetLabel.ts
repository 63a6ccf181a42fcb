import type { Target } from '../result.js';

/** What a report prints for a target without backend or variant. */
export const DEFAULT_PART = 'default';

/**
 * The four parts that name a target: adapter, backend, variant and dtype, with
 * {@link DEFAULT_PART} for a missing backend or variant.
 * @param t - the target
 * @returns `[adapter, backend, variant, dtype]`
 */
export function targetParts(t: Target): [string, string, string, string] {
  return [t.adapter, t.backend ?? DEFAULT_PART, t.variant ?? DEFAULT_PART, t.dtype];
}

/**
 * A target as one short label, e.g. `tfjs/cpu/default/float32`; also the key reports group by.
 * @param t - the target
 * @returns the parts of {@link targetParts} joined by `/`
 */
export function targetLabel(t: Target): string {
  return targetParts(t).join('/');
}
