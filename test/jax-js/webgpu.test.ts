/**
 * The jax-js adapter on WebGPU (Dawn in Node). WebGPU needs a driver Dawn can use (on a machine
 * without a GPU, Mesa's lavapipe from Debian bookworm-backports; .ci/run installs it). Elsewhere these
 * tests skip and say why, unless RNN_JAC_SPEC_REQUIRE_WEBGPU=1 (set by .ci/run), where a device that
 * cannot start fails them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { KNOWN_FAILURES, runJax, tryJaxAdapter, unexpectedFailures } from './jaxRun.js';

const required = process.env.RNN_JAC_SPEC_REQUIRE_WEBGPU === '1';
const { adapter, missing } = await tryJaxAdapter('webgpu');
if (adapter === undefined && !required) console.warn(`jax-js webgpu tests skipped: ${missing}`);

describe.skipIf(adapter === undefined && !required)('jax-js adapter on the webgpu device', () => {
  afterAll(() => adapter?.dispose?.());

  it('runs on a WebGPU adapter found by Dawn, in float32 only (WGSL has no f64)', async () => {
    expect(adapter, `RNN_JAC_SPEC_REQUIRE_WEBGPU=1 but the webgpu device did not start: ${missing}`).toBeDefined();
    expect(adapter!.dtypes).toEqual(['float32']);
    expect(await adapter!.info!()).toMatchObject({ backend: 'webgpu', device: expect.stringMatching(/^WebGPU \(Dawn\)/) });
  });

  it.skipIf(adapter === undefined)('fails only with the documented findings, in reverse and forward mode, eager and under jit', async () => {
    // A WGSL compilation per kernel makes each case slow on lavapipe: three variants, tiny cases.
    for (const variant of ['vjp', 'jit-jvp', 'jacfwd']) {
      const r = await runJax(adapter!, 'webgpu', { runs: 3, maxN: 4, maxT: 2, variant });
      expect(unexpectedFailures(r, KNOWN_FAILURES), variant).toEqual([]);
      expect(r.summary.pass, variant).toBeGreaterThanOrEqual(variant === 'jacfwd' ? 1 : 5);
    }
  });
});
