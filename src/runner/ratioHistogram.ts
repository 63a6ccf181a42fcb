/**
 * The distribution of error/tolerance over the passing cases of a property: how close to the edge of
 * its tolerance a backend runs (the HTML report draws it). Fixed bins, so histograms of different
 * runs and shards compare and add up.
 * @packageDocumentation
 */

/**
 * Upper edges of the bins: bin 0 holds ratio 0 exactly (the result was exact), bin k > 0 the ratios
 * in (edge[k−1], edge[k]]: up to 1e-6, then decades to 0.1, then (0.1, 0.5] and (0.5, 1].
 */
export const RATIO_BIN_EDGES = [0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 0.5, 1] as const;

/** Labels of the bins, for reports. */
export const RATIO_BIN_LABELS = ['0', '≤1e-6', '≤1e-5', '≤1e-4', '≤1e-3', '≤0.01', '≤0.1', '≤0.5', '≤1'] as const;

/**
 * The bin of a passing case's ratio.
 * @param ratio - error/tolerance, 0 ≤ ratio ≤ 1
 * @returns its index in {@link RATIO_BIN_EDGES}
 */
export function ratioBin(ratio: number): number {
  const k = RATIO_BIN_EDGES.findIndex((edge) => ratio <= edge);
  return k < 0 ? RATIO_BIN_EDGES.length - 1 : k;
}
