/**
 * The golden vectors committed under specs/vectors: current (regenerating them gives the same
 * bytes), valid against specs/vectors.schema.json, passed by the reference adapter (the spec's
 * executable form) in every entry, and failed by a transposed Jacobian.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { Adapter } from '../../src/contract.js';
import type { GoldenFile, GoldenOutput, GoldenVector } from '../../src/vectors/goldenVectors.js';
import { cli, ensureBuilt } from '../cli/harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'specs', 'vectors');
const files = readdirSync(DIR).filter((f) => f !== 'index.json');
const golden = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as GoldenFile;

/** The case as the adapter contract takes it: typed arrays. */
function contractCase(v: GoldenVector): never {
  return Object.fromEntries(Object.entries(v.case).map(([k, x]) => [k, Array.isArray(x) ? Float64Array.from(x as number[]) : x])) as never;
}

/** The worst |actual − expected| / tolerance of one output (0/0 = 0). */
function ratio(o: GoldenOutput, actual: ArrayLike<number>): number {
  expect(actual.length).toBe(o.expected.length);
  return Math.max(0, ...o.expected.map((e, k) => {
    const err = Math.abs(actual[k] - e);
    return err === 0 ? 0 : err / o.tolerance[k];
  }));
}

/** What an adapter computes for each output of each file. */
async function outputs(a: Adapter, file: string, v: GoldenVector): Promise<Record<string, ArrayLike<number>>> {
  const c = contractCase(v) as Record<string, unknown>;
  switch (file) {
    case 'step-jacobian.json': return { J: await a.stepJacobian(c as never) };
    case 'input-jacobian.json': return { J: await a.inputJacobian!(c as never) };
    case 'sequence-jacobian.json': return { J: await a.sequenceJacobian!(c as never) };
    case 'parameter-gradients.json': return { ...(await a.parameterGradients!(c as never)) };
    case 'forward.json': return { states: await a.forward!(c as never) };
    case 'vjp.json': return { vjp: await a.vjp!(c as never, c.v as Float64Array) };
    case 'jvp.json': return { jvp: await a.jvp!(c as never, c.w as Float64Array) };
    default: throw new Error(`no adapter call for ${file}`);
  }
}

describe('golden vectors (specs/vectors)', () => {
  let reference: Adapter;
  beforeAll(async () => {
    reference = await loadAdapter('reference', {});
  });

  it('are current: `rnn-jac-spec vectors --out specs/vectors` writes the same bytes', () => {
    ensureBuilt();
    const out = mkdtempSync(join(tmpdir(), 'rjs-vectors-'));
    try {
      const r = cli(['vectors', '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^336 golden vectors in 7 files \(seed 12115063/);
      for (const f of readdirSync(DIR)) expect(readFileSync(join(out, f), 'utf8'), `${f} is stale: run npx rnn-jac-spec vectors --out specs/vectors`).toBe(readFileSync(join(DIR, f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('validate against specs/vectors.schema.json, and index.json lists every file with its count', () => {
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'specs', 'vectors.schema.json'), 'utf8')));
    const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as { files: Record<string, { vectors: number }> };
    expect(Object.keys(index.files).map((n) => `${n}.json`).sort()).toEqual([...files].sort());
    for (const f of files) {
      expect(validate(golden(f)), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(golden(f).vectors).toHaveLength(index.files[f.replace(/\.json$/, '')].vectors);
    }
  });

  it.each(files)('%s: the reference adapter is within tolerance in every entry of every vector', async (f) => {
    for (const v of golden(f).vectors) {
      const got = await outputs(reference, f, v);
      for (const [name, o] of Object.entries(v.outputs)) expect(ratio(o, got[name]), `${v.id} ${name}`).toBeLessThanOrEqual(1);
    }
  });

  it('tell a transposed step Jacobian from the right one in every vector (each W is non-symmetric)', async () => {
    const vectors = golden('step-jacobian.json').vectors;
    let caught = 0;
    for (const v of vectors) {
      const J = await reference.stepJacobian(contractCase(v));
      const n = v.case.n as number;
      const Jt = Float64Array.from({ length: n * n }, (_, k) => J[(k % n) * n + Math.floor(k / n)]);
      if (ratio(v.outputs.J, Jt) > 1) caught++;
    }
    expect(caught).toBe(vectors.length);
  });

  afterAll(() => reference?.dispose?.());
});
