/**
 * Sizes as graph dimensions that serve every case with the same equalities among its sizes: a size
 * of 1 stays the literal 1 (broadcasting, the gradient rules and the provider's graph optimizer read
 * it), every other size becomes a symbol (ONNX dim_param), equal sizes sharing one. The graph then
 * has the nodes, and the provider applies the fusions, that it would with the numbers, and one
 * session serves all the sizes of a {@link SymbolicSizes.pattern}.
 */
import type { Dim } from './onnx.js';

/** Dimensions for named sizes, and the pattern that says which graph they make. */
export interface SymbolicSizes<K extends string> {
  readonly dims: Readonly<Record<K, Dim>>;
  /** The dimensions in key order, e.g. `n,m,n,1`: equal patterns, equal graphs. */
  readonly pattern: string;
}

/**
 * Symbolic dimensions for `sizes`. Each symbol is named after the first key of its value; sizes in
 * `keep` (an attribute fixes them, as hidden_size does) stay numbers, and so does any size equal to one.
 */
export function symbolicSizes<K extends string>(sizes: Readonly<Record<K, number>>, keep: readonly NoInfer<K>[] = []): SymbolicSizes<K> {
  const kept = new Set(keep.map((k) => sizes[k]));
  const symbols = new Map<number, string>();
  const dims = {} as Record<K, Dim>;
  for (const k of Object.keys(sizes) as K[]) {
    const v = sizes[k];
    if (!Number.isInteger(v) || v < 1) throw new Error(`onnxruntime adapter: size ${k} = ${v}`);
    if (v === 1 || kept.has(v)) {
      dims[k] = v;
      continue;
    }
    if (!symbols.has(v)) symbols.set(v, k);
    dims[k] = symbols.get(v)!;
  }
  return { dims, pattern: (Object.keys(sizes) as K[]).map((k) => dims[k]).join(',') };
}
