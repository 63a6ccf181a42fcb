/**
 * A case with W replaced by Wᵀ: what a framework computes, forward pass included, when it holds W
 * where its row-vector layout (x·R) needs Wᵀ. The forms "transpose-W throughout" evaluate the
 * quantity on it.
 */
export function withTransposedW<C extends { readonly n: number; readonly W: Float64Array }>(c: C): C {
  return { ...c, W: Float64Array.from({ length: c.n * c.n }, (_, at) => c.W[(at % c.n) * c.n + Math.floor(at / c.n)]) };
}
