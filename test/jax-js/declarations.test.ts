/**
 * What the jax-js adapter declares: dtypes per device, one variant per AD entry point and its jit
 * twin, the capabilities each offers, the installed version, and the Node shim it installs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/contract.js';
import { validateAdapter } from '../../src/adapters/validateAdapter.js';
import { jaxAdapter } from './jaxRun.js';

const ENTRY_POINTS = ['jacrev', 'jacfwd', 'vjp', 'jvp', 'grad'];

describe('jax-js adapter declarations', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await jaxAdapter('wasm');
  });
  afterAll(() => adapter.dispose?.());

  it('follows the contract, with float64 and float32, every form and all eight catalogue activations', () => {
    expect(validateAdapter(adapter)).toEqual([]);
    expect(adapter.name).toBe('jax-js');
    expect(adapter.dtypes).toEqual(['float64', 'float32']);
    expect(adapter.forms).toEqual(['pascanu', 'pascanu-sigma-input', 'elman']);
    expect(adapter.activations).toEqual(['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu']);
    expect(adapter.dtypeActivations, 'every activation in both dtypes').toBeUndefined();
  });

  it('has one variant per AD entry point and a jit twin of each', () => {
    expect(adapter.variants).toEqual(ENTRY_POINTS.flatMap((e) => [e, `jit-${e}`]));
  });

  it('offers per variant what its transformation gives, the same with and without jit', () => {
    const caps = (v: string) => adapter.variantScopes?.[v]?.capabilities;
    expect(caps('jacrev')).toEqual(['inputJacobian', 'sequenceJacobian']);
    expect(caps('jacfwd')).toEqual(['inputJacobian', 'sequenceJacobian']);
    expect(caps('vjp')).toEqual(['vjp', 'jvp', 'inputJacobian', 'sequenceJacobian', 'parameterGradients', 'forward']);
    expect(caps('jvp')).toEqual(['jvp', 'inputJacobian', 'sequenceJacobian', 'forward']);
    expect(caps('grad')).toEqual(['vjp', 'inputJacobian', 'sequenceJacobian', 'parameterGradients']);
    for (const e of ENTRY_POINTS) expect(caps(`jit-${e}`)).toEqual(caps(e));
    for (const v of adapter.variants!) expect(adapter.variantScopes?.[v]?.finiteDifference, 'autodiff only').toBeUndefined();
  });

  it('reports the installed @jax-js/jax version and the device', async () => {
    const dist = dirname(createRequire(import.meta.url).resolve('@jax-js/jax'));
    const { version } = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
    expect(await adapter.info!()).toMatchObject({ framework: '@jax-js/jax', version, backend: 'wasm', device: expect.stringMatching(/^WebAssembly/) });
  });

  it('where Node has no Float16Array, installs a stand-in that no array is an instance of and that cannot be constructed', () => {
    const F16 = (globalThis as { Float16Array?: new () => unknown }).Float16Array!;
    expect(new Float64Array(1) instanceof (F16 as unknown as typeof Float64Array)).toBe(false);
    if (F16.name === 'Float16ArrayUnavailable') expect(() => new F16()).toThrow(/not available/);
    else expect(new F16(), 'a native Float16Array is left alone').toBeInstanceOf(F16);
  });
});
