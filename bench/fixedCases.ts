/**
 * Fixed-size cases for benchmarks: deterministic (a seeded LCG), float32-representable, with the
 * recurrent gain of the generators (‖W‖ about 0.9), so every size does the same kind of work.
 * @packageDocumentation
 */
import type { Dtype, LossCase, SequenceCase, StepCase } from '../src/contract.js';

/** Values in [−1, 1) from a linear congruential generator, rounded to float32. */
function values(count: number, seed: number, scale = 1): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale);
  });
}

/** A step case of hidden size n and input size m = min(8, n), tanh, in the given form. */
export function fixedStepCase(n: number, form: StepCase['form'] = 'pascanu', dtype: Dtype = 'float32'): StepCase {
  const m = Math.min(8, n);
  // Entries uniform in ±s have ‖W‖₂ ≈ 2·s·√n·(1/√3): s = 0.8/√n keeps the gain near 0.9.
  return {
    n,
    m,
    form,
    dtype,
    variant: undefined,
    activation: { name: 'tanh' },
    W: values(n * n, 1, 0.8 / Math.sqrt(n)),
    U: values(n * m, 2, 0.5),
    b: values(n, 3, 0.25),
    x: values(n, 4),
    u: values(m, 5),
  };
}

/** A sequence case of T steps built from {@link fixedStepCase}, with the loss weights c_t of a LossCase. */
export function fixedLossCase(n: number, T: number, form: StepCase['form'] = 'pascanu', dtype: Dtype = 'float32'): LossCase {
  const s = fixedStepCase(n, form, dtype);
  const seq: SequenceCase = {
    n,
    m: s.m,
    T,
    W: s.W,
    U: s.U,
    b: s.b,
    x0: s.x,
    us: values(T * s.m, 6),
    activation: s.activation,
    dtype,
    form,
    variant: undefined,
  };
  return { ...seq, cs: values(T * n, 7) };
}
