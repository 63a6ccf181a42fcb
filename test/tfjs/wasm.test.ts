import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/contract.js';
import { isUnstackGradientBug, runTfjs, tfjsAdapter, unexpectedFailures } from './tfjsRun.js';

describe('tfjs adapter on the wasm backend', () => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await tfjsAdapter('wasm');
  });
  afterAll(() => adapter.dispose?.());

  it("starts from the package's own .wasm files and says which build runs", async () => {
    expect(await adapter.info!()).toMatchObject({ backend: 'wasm', device: expect.stringMatching(/^WebAssembly \(XNNPACK/) });
  });

  it('gives the same verdicts as cpu: all pass but the SimpleRNN input Jacobian', async () => {
    const r = await runTfjs(adapter, 'wasm', { runs: 20 });
    expect(unexpectedFailures(r, [isUnstackGradientBug])).toEqual([]);
    expect(r.summary).toMatchObject({ pass: 14, fail: 1, notApplicable: 1 });
  });
});
