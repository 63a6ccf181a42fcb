/**
 * Reverse-mode differentiation of a graph under construction: walks the nodes that lie between the
 * chosen inputs and outputs in reverse order, applies each operator's rule (vjpRules.ts) and sums
 * cotangents that reach a value along several paths.
 */
import type { BuiltNode, GraphBuilder, Value } from './builder.js';
import { vjpRules, type VjpRule } from './vjpRules.js';

/**
 * Appends to `g` the cotangents of `wrt` given cotangents `dys` for `ys` (one per output, each of
 * its output's shape: a batch of cotangent rows gives a batch of VJPs in one run). Returns one
 * value per `wrt`; an input that does not reach any output gets a zero tensor.
 */
export function gradients(
  g: GraphBuilder,
  ys: readonly Value[],
  dys: readonly Value[],
  wrt: readonly Value[],
  rules: Readonly<Record<string, VjpRule>> = vjpRules,
): Value[] {
  const nodes = [...g.nodes];
  // Nodes that depend on a wrt value (forward) and reach an output (backward).
  const live = new Set<string>(wrt.map((v) => v.name));
  const forward = nodes.filter((n) => n.in.some((v) => live.has(v.name)) && (live.add(n.out.name), true));
  const needed = new Set<string>(ys.map((v) => v.name));
  const path: BuiltNode[] = [];
  for (const n of [...forward].reverse()) {
    if (!needed.has(n.out.name)) continue;
    path.push(n);
    for (const v of n.in) needed.add(v.name);
  }
  const cot = new Map<string, Value>();
  const accumulate = (v: Value, d: Value): void => {
    const prev = cot.get(v.name);
    cot.set(v.name, prev === undefined ? d : g.op('Add', [prev, d]));
  };
  for (const [i, y] of ys.entries()) accumulate(y, dys[i]);
  for (const n of path) {
    const dy = cot.get(n.out.name);
    if (dy === undefined) continue;
    const rule = rules[n.op];
    if (rule === undefined) throw new Error(`onnxruntime adapter: no VJP rule for ${n.op}`);
    rule(g, n, dy).forEach((d, i) => {
      if (d !== undefined && live.has(n.in[i].name)) accumulate(n.in[i], d);
    });
  }
  return wrt.map((v) => cot.get(v.name) ?? g.op('Mul', [v, g.scalar(0)]));
}
