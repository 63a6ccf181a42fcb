import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('package entry point', () => {
  it('exports the runner, the registry, the loader and the report writers', () => {
    expect(typeof api.run).toBe('function');
    expect(typeof api.loadAdapter).toBe('function');
    expect(api.PROPERTY_IDS).toContain('step-jacobian');
    expect(typeof api.renderJunit).toBe('function');
    expect(api.specDocument().properties.length).toBe(api.PROPERTY_IDS.length);
  });
  it('runs an adapter loaded by name through the public API', async () => {
    const adapter = await api.loadAdapter('reference', {});
    const r = await api.run({
      adapter,
      adapterSpec: 'reference',
      properties: ['step-jacobian'],
      runs: 5,
      seed: 1,
      maxN: 4,
      maxT: 2,
      timeoutMs: 1000,
      opts: {},
    });
    expect(r.summary).toMatchObject({ pass: 2, fail: 0 });
  });
});
