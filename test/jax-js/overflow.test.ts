/**
 * jax-js's derivatives of sigmoid, softplus and elu are NaN where exp overflows (jaxRun.ts,
 * isExpOverflowNaN). The short runs of wasm.test.ts and cpu.test.ts meet it through the state regions
 * of RJS-GEN-3 and shrink it to n ≤ 2; here the suite's own step-jacobian check is given 1×1 cases
 * just past the overflow, and must fail them as non-finite, in every variant, on wasm and cpu.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter, Dtype } from '../../src/contract.js';
import type { GeneratedStepCase } from '../../src/arbitrary/stepCase.js';
import { CaseFailure } from '../../src/check/caseFailure.js';
import { stepJacobian } from '../../src/property/stepJacobian.js';
import type { PropertyResult } from '../../src/result.js';
import { isExpOverflowNaN, jaxAdapter } from './jaxRun.js';
import { declarationOf } from '../../src/host/adapterDeclaration.js';
import type { CallRequest } from '../../src/host/callRequest.js';
import { invokeAdapter, settleInputs } from '../../src/host/invokeAdapter.js';

/** The variants that differentiate in reverse mode. */
const REVERSE_MODE = ['jacrev', 'jit-jacrev', 'vjp', 'jit-vjp', 'grad', 'jit-grad'];

/** A 1×1 pascanu step at x_{t-1} = x: its Jacobian is w·σ'(x). */
function oneByOne(name: 'sigmoid' | 'softplus' | 'elu', x: number, dtype: Dtype): GeneratedStepCase {
  const activation = name === 'elu' ? { name, alpha: 1 } : { name };
  return {
    n: 1,
    m: 1,
    form: 'pascanu',
    activation,
    dtype,
    W: Float64Array.of(0.5),
    U: Float64Array.of(0),
    u: Float64Array.of(0),
    x: Float64Array.of(x),
    b: Float64Array.of(0),
  };
}

/** A 2×2 pascanu step with x_{t-1} = [x, 0.5]: the first unit past the overflow, the second ordinary. */
function twoByTwo(name: 'sigmoid' | 'softplus' | 'elu', x: number, dtype: Dtype): GeneratedStepCase {
  return {
    ...oneByOne(name, x, dtype),
    n: 2,
    W: Float64Array.of(0.5, 0, 0, 0.5),
    U: Float64Array.of(0, 0),
    x: Float64Array.of(x, 0.5),
    b: Float64Array.of(0, 0),
  };
}

/** The step-jacobian check of `c` on `variant`: the failure it throws, as a property result would hold it. */
async function failureOf(adapter: Adapter, variant: string, c: GeneratedStepCase, backend: string): Promise<PropertyResult | undefined> {
  const call = async (request: CallRequest) => {
    const outcome = settleInputs(request, await invokeAdapter(adapter, request));
    if (!outcome.ok) throw new CaseFailure(outcome.failure);
    return outcome.value;
  };
  const env = { adapter: declarationOf(adapter), variant, call, observe: () => {} };
  try {
    await stepJacobian.check(c, env);
    return undefined;
  } catch (err) {
    if (!(err instanceof CaseFailure)) throw err;
    return {
      property: 'step-jacobian',
      target: { backend, variant, dtype: c.dtype },
      counterexample: { case: c, failure: err.data },
    } as unknown as PropertyResult;
  }
}

for (const backend of ['wasm', 'cpu']) {
  describe(`jax-js on ${backend}: derivatives through an overflowing exp`, () => {
    let adapter: Adapter;
    beforeAll(async () => {
      adapter = await jaxAdapter(backend);
    });
    afterAll(() => adapter?.dispose?.());

    // float32's exp overflows past 88.72, float64's past 709.78. On cpu the 1×1 float32 cases do not
    // overflow (cases with a second unit do: cpu.test.ts), so there only the float64 ones are given.
    const cases: (readonly ['sigmoid' | 'softplus' | 'elu', number, Dtype])[] = [
      ['sigmoid', -800, 'float64'],
      ['elu', 800, 'float64'],
      ...(backend === 'wasm'
        ? ([
            ['sigmoid', -100, 'float32'],
            ['softplus', 100, 'float32'],
            ['elu', 100, 'float32'],
          ] as const)
        : []),
    ];
    it.each(cases)(
      '%s at x = %d in %s: reverse mode (jacrev, vjp, grad, eager and jit) is not finite, and the suite fails it as non-finite',
      async (name, x, dtype) => {
        for (const variant of REVERSE_MODE) {
          const r = await failureOf(adapter, variant, oneByOne(name, x, dtype), backend);
          expect(r?.counterexample?.failure.kind, variant).toBe('non-finite');
          expect(isExpOverflowNaN(r!), variant).toBe(true);
        }
      },
    );

    it('jit forward mode of sigmoid is NaN past the overflow too, where eager forward mode is right on a 1×1 case', async () => {
      for (const variant of ['jit-jvp', 'jit-jacfwd'])
        expect((await failureOf(adapter, variant, oneByOne('sigmoid', -800, 'float64'), backend))?.counterexample?.failure.kind, variant).toBe('non-finite');
      for (const variant of ['jvp', 'jacfwd'])
        expect(await failureOf(adapter, variant, oneByOne('sigmoid', -800, 'float64'), backend), variant).toBeUndefined();
    });

    it('with a second, ordinary unit in the array eager forward mode is NaN too (sigmoid at x = [−800, 0.5] in float64)', async () => {
      for (const variant of ['jvp', 'jacfwd']) {
        const r = await failureOf(adapter, variant, twoByTwo('sigmoid', -800, 'float64'), backend);
        expect(r?.counterexample?.failure.kind, variant).toBe('non-finite');
        expect(isExpOverflowNaN(r!), variant).toBe(true);
      }
    });

    it('just inside the overflow (float32 sigmoid at −88, softplus and elu at 88) the same checks pass', async () => {
      for (const [name, x] of [
        ['sigmoid', -88],
        ['softplus', 88],
        ['elu', 88],
      ] as const) {
        for (const variant of ['vjp', 'jvp', 'grad', 'jacrev']) {
          expect(await failureOf(adapter, variant, oneByOne(name, x, 'float32'), backend), `${name} ${variant}`).toBeUndefined();
        }
      }
    });
  });
}
