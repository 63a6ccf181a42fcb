/**
 * Mutants whose bug runs through the whole adapter rather than one member.
 * @packageDocumentation
 */
import { tr } from '../../adapters/reference/linalg.js';
import type { Adapter } from '../../src/contract.js';
import { reference, type Mutant } from './mutant.js';

/**
 * The contract's W handed unchanged to a row-vector framework (h·R): every member computes with
 * Wᵀ, and the kernel gradient ∂L/∂R comes back as it is, i.e. transposed again.
 */
function rowVectorWeights(): Adapter {
  const ref = reference();
  const t = <C extends { readonly n: number; readonly W: Float64Array }>(c: C): C => ({ ...c, W: tr(c.W, c.n, c.n) });
  return {
    ...ref,
    name: 'mutant:row-vector-weights',
    stepJacobian: (c) => ref.stepJacobian(t(c)),
    inputJacobian: (c) => ref.inputJacobian!(t(c)),
    sequenceJacobian: (c) => ref.sequenceJacobian!(t(c)),
    vjp: (c, v) => ref.vjp!(t(c), v),
    jvp: (c, w) => ref.jvp!(t(c), w),
    forward: (c) => ref.forward!(t(c)),
    parameterGradients: async (c) => {
      const g = await ref.parameterGradients!(t(c));
      return { ...g, W: tr(g.W, c.n, c.n) };
    },
  };
}

/** Throws what a framework throws when it indexes a squeezed 1×1 (or length-1) result as a matrix. */
function squeezed(n: number): void {
  if (n === 1) throw new TypeError('cannot index a 0-d tensor: the size-1 dimensions of the result were squeezed');
}

/** `f`, throwing first when its case (first argument) has n = 1. */
function guarded<A extends [{ readonly n: number }, ...unknown[]], R>(f: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    squeezed(args[0].n);
    return f(...args);
  };
}

/** Every member squeezes its result before converting it, so each throws when n = 1. */
function squeezesSizeOne(): Adapter {
  const ref = reference();
  return {
    ...ref,
    name: 'mutant:throws-for-n-1',
    stepJacobian: guarded(ref.stepJacobian),
    inputJacobian: guarded(ref.inputJacobian!),
    sequenceJacobian: guarded(ref.sequenceJacobian!),
    vjp: guarded(ref.vjp!),
    jvp: guarded(ref.jvp!),
    forward: guarded(ref.forward!),
    parameterGradients: guarded(ref.parameterGradients!),
  };
}

/** Whole-adapter mutants. */
export const layoutMutants: readonly Mutant[] = [
  {
    id: 'row-vector-weights',
    description: "W is passed as-is to a row-vector framework's kernel R (x·R): forward pass, Jacobians and gradients all use Wᵀ",
    create: rowVectorWeights,
    killedBy: ['step-jacobian', 'forward'],
    diagnosis: 'transpose-W',
    shrunkN: 2,
    dtype: 'float64',
  },
  {
    id: 'throws-for-n-1',
    description: 'the adapter squeezes size-1 dimensions of every result (a 1×1 Jacobian becomes a 0-d tensor) and then throws indexing it as a matrix',
    create: squeezesSizeOne,
    killedBy: ['step-jacobian'],
    kind: 'threw',
    shrunkN: 1,
    dtype: 'float64',
  },
];
