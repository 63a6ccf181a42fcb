import { activationByName } from '../activation/activations.js';
import type { Bounded } from '../bound/bounded.js';
import type { SequenceCase, StepCase } from '../contract.js';
import { oneStep } from '../model/expected.js';
import { comparisonPrecision } from '../model/precision.js';
import { trajectory } from '../model/trajectory.js';
import { materialize, unitsOf, type CaseDraw } from './caseDraw.js';

/**
 * The points where the case's σ' is taken within reach of a kink: the exact value, or its error
 * bound, or flush-to-zero of a subnormal value (RJS-TOL-5), reaches the kink. Keys are `t:i` (step t,
 * drawn unit i, so that renumbered units keep their keys; `u:i` for input i of pascanu-sigma-input).
 * Empty for activations without kinks.
 * The shrinker never takes a candidate that adds such a point (RJS-GEN-8): at a kink several loose
 * wrong forms match, and the diagnosis would name the wrong cause.
 */
export function kinkPoints(d: CaseDraw): Set<string> {
  const act = activationByName(d.activation.name);
  const kinks = act.kinks(d.activation.alpha ?? 0);
  const out = new Set<string>();
  if (kinks.length === 0) return out;
  const p = comparisonPrecision(d.dtype);
  const units = unitsOf(d);
  const mark = (prefix: string, pre: Bounded | { v: ArrayLike<number>; e?: ArrayLike<number> }): void => {
    for (let i = 0; i < pre.v.length; i++) {
      const x = pre.v[i];
      const reach = Math.max(pre.e?.[i] ?? 0, Math.abs(x) < p.tiny ? Math.abs(x) : 0);
      if (kinks.some((k) => Math.abs(x - k.at) <= reach)) out.add(`${prefix}:${prefix === 'u' ? i : units[i]}`);
    }
  };
  const c = materialize(d);
  if (d.kind === 'step' || d.kind === 'adjoint') {
    mark('1', oneStep(c as unknown as Omit<StepCase, 'variant'>, p).pre);
    if (d.form === 'pascanu-sigma-input') mark('u', { v: d.u });
    return out;
  }
  const tr = trajectory(c as unknown as Omit<SequenceCase, 'variant'>, p);
  for (const [t, s] of tr.steps.entries()) mark(String(t + 1), s.pre);
  return out;
}

/** Whether `candidate` has a kink point that `parent` does not have. */
export function addsKinkPoint(parent: ReadonlySet<string>, candidate: ReadonlySet<string>): boolean {
  for (const k of candidate) if (!parent.has(k)) return true;
  return false;
}

/** Whether some entry of x (where a one-step pascanu case takes σ') is exactly on a kink (RJS-GEN-7). */
export function onKink(d: CaseDraw): boolean {
  const kinks = activationByName(d.activation.name).kinks(d.activation.alpha ?? 0);
  return kinks.some((k) => d.x.includes(k.at));
}
