/**
 * Mutants whose formulas are right but whose arithmetic is not: uniform relative noise at a few units
 * of roundoff (a kernel a few bits short of its dtype), and float64 computed in float32.
 * @packageDocumentation
 */
import type { Adapter, Dtype, LossCase, SequenceCase, StepCase } from '../../src/contract.js';
import { reference, type Mutant } from './mutant.js';
import { noisyReference } from './relativeNoise.js';

/** Units of roundoff of the noise mutants. */
const NOISE_UNITS = [4, 16, 64, 256] as const;

/** One noise mutant: every result of `dtype` off by `units`·u relative, the signs fixed per entry. */
function noiseMutant(units: number, dtype: Dtype): Mutant {
  const id = `noise-${units}u-${dtype}`;
  return {
    id,
    description: `every ${dtype} result entry is off by ${units} units of roundoff (relative, sign per entry): accumulations or elementwise kernels about ${Math.log2(units)} bits short of ${dtype}`,
    create: () => noisyReference(`mutant:${id}`, units, [dtype]),
    killedBy: ['step-jacobian', 'input-jacobian'],
    // RJS-DIAG-3: a median relative error above 64·u reads as a narrower format, below it as lost accuracy.
    diagnosis: units > 64 ? 'reduced-precision' : 'inaccurate',
    dtype,
  };
}

const f32 = (a: Float64Array): Float64Array => a.map(Math.fround);

/** A case's float64 inputs cast to float32 and its dtype set to float32: what the kernels then see. */
function narrowed<C extends StepCase | SequenceCase | LossCase>(c: C): C {
  const out: Record<string, unknown> = { ...c, dtype: 'float32' };
  for (const [k, v] of Object.entries(c)) if (v instanceof Float64Array) out[k] = f32(v);
  return out as C;
}

/** Declares float64 but casts every input to float32 and rounds every operation to float32. */
function float64ThroughFloat32(): Adapter {
  const ref = reference();
  return {
    ...ref,
    name: 'mutant:float64-through-float32',
    dtypes: ['float64'],
    stepJacobian: (c) => ref.stepJacobian(narrowed(c)),
    inputJacobian: (c) => ref.inputJacobian!(narrowed(c)),
    sequenceJacobian: (c) => ref.sequenceJacobian!(narrowed(c)),
    vjp: (c, v) => ref.vjp!(narrowed(c), f32(v)),
    jvp: (c, w) => ref.jvp!(narrowed(c), f32(w)),
    forward: (c) => ref.forward!(narrowed(c)),
    parameterGradients: (c) => ref.parameterGradients!(narrowed(c)),
  };
}

/** Precision mutants. */
export const precisionMutants: readonly Mutant[] = [
  ...(['float64', 'float32'] as const).flatMap((dtype) => NOISE_UNITS.map((units) => noiseMutant(units, dtype))),
  {
    id: 'float64-through-float32',
    description: 'float64 is declared but the tensors are cast to float32 on the way in: every operation rounds to float32 and the result is widened back',
    create: float64ThroughFloat32,
    killedBy: ['step-jacobian', 'input-jacobian', 'sequence-jacobian', 'parameter-gradients', 'adjoint', 'forward'],
    diagnosis: 'reduced-precision',
    dtype: 'float64',
  },
];
