/**
 * scripts/framework-share.mjs, the measurement behind the framework-share benchmark: it times the
 * adapter's calls from outside the runner, and with --ceiling records the same calls and makes them
 * again in a bare process (scripts/replay-calls.mjs). The replay must make exactly the calls the run
 * made, or its share would not bound the run's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './harness.js';

beforeAll(ensureBuilt);

interface Measured {
  readonly wallMs: number;
  readonly adapterMs: number;
  readonly calls: number;
  readonly spanMs: number;
  readonly cases: number;
  readonly ceiling?: { readonly wallMs: number; readonly adapterMs: number; readonly calls: number; readonly factoryMs: number };
}

function share(args: readonly string[]): Measured {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'framework-share.mjs'), ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Measured;
}

describe('framework-share.mjs', () => {
  it('times every call of a run, and the bare replay makes the same calls', () => {
    const m = share(['reference', '--ceiling', '--json', '--dtype', 'float32', '--properties', 'step-jacobian,forward', '--runs', '12']);
    // step-jacobian and forward make one call per case each.
    expect(m.cases).toBe(24);
    expect(m.calls).toBe(24);
    expect(m.adapterMs).toBeGreaterThan(0);
    expect(m.spanMs).toBeGreaterThanOrEqual(m.adapterMs * 0.99);
    expect(m.wallMs).toBeGreaterThan(m.spanMs);
    expect(m.ceiling?.calls).toBe(24);
    expect(m.ceiling?.adapterMs).toBeGreaterThan(0);
    expect(m.ceiling?.wallMs).toBeGreaterThan(m.ceiling?.adapterMs ?? Number.POSITIVE_INFINITY);
  });

  it('says what is wrong when the run writes no timing', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'framework-share.mjs'), 'reference', '--dtype', 'float16'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no timing was written');
    expect(r.stderr).toContain('--dtype must be float32 or float64');
  });
});
