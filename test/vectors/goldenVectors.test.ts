/**
 * The golden vectors committed under specs/vectors: current (regenerating them gives the same
 * bytes), passed by the reference adapter (the spec's executable form) in every entry, failed by a
 * transposed Jacobian, and each case as SPEC.md promises: n, m (and T) ≥ 2, W dense and
 * non-symmetric, U dense, no σ' taken within reach of a kink, no output without a significant entry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationByName } from '../../src/activation/activations.js';
import { loadAdapter } from '../../src/adapters/loadAdapter.js';
import type { Bounded } from '../../src/bound/bounded.js';
import type { Adapter } from '../../src/contract.js';
import { oneStep } from '../../src/model/expected.js';
import { comparisonPrecision } from '../../src/model/precision.js';
import { trajectory } from '../../src/model/trajectory.js';
import { GOLDEN_FILE_DEFS, GOLDEN_FILES, type GoldenCase, type GoldenFileName } from '../../src/vectors/goldenFiles.js';
import type { GoldenOutput, GoldenVector } from '../../src/vectors/goldenVectors.js';
import { cli, ensureBuilt } from '../cli/harness.js';
import { committedFile, contractCase, VECTORS } from './committedVectors.js';

/** The worst |actual − expected| / tolerance of one output (0/0 = 0). */
function ratio(o: GoldenOutput, actual: ArrayLike<number>): number {
  expect(actual.length).toBe(o.expected.length);
  return Math.max(
    0,
    ...o.expected.map((e, k) => {
      const err = Math.abs(actual[k] - e);
      return err === 0 ? 0 : err / o.tolerance[k];
    }),
  );
}

/** What an adapter computes for each output of each file. */
async function outputs(a: Adapter, file: GoldenFileName, v: GoldenVector): Promise<Record<string, ArrayLike<number>>> {
  const c = contractCase(v) as never;
  const k = contractCase(v);
  switch (file) {
    case 'step-jacobian':
      return { J: await a.stepJacobian(c) };
    case 'input-jacobian':
      return { J: await a.inputJacobian!(c) };
    case 'sequence-jacobian':
      return { J: await a.sequenceJacobian!(c) };
    case 'parameter-gradients':
      return { ...(await a.parameterGradients!(c)) };
    case 'forward':
      return { states: await a.forward!(c) };
    case 'vjp':
      return { vjp: await a.vjp!(c, k.v) };
    case 'jvp':
      return { jvp: await a.jvp!(c, k.w) };
  }
}

/** The points where the case's σ' is taken, with their bounds (RJS-TOL), and the inputs of pascanu-sigma-input. */
function derivativePoints(file: GoldenFileName, c: GoldenCase): Bounded[] {
  const p = comparisonPrecision(c.dtype);
  const draw = GOLDEN_FILE_DEFS[file].draw;
  if (draw === 'sequence' || draw === 'loss') return trajectory(c, p).steps.map((s) => s.pre);
  const u = { rows: c.m, cols: 1, v: c.u, e: new Float64Array(c.m), s: 0, f: 0 };
  return [oneStep(c, p).pre, ...(c.form === 'pascanu-sigma-input' ? [u] : [])];
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
      expect(readdirSync(out).sort()).toEqual(readdirSync(VECTORS).sort());
      for (const f of readdirSync(VECTORS))
        expect(readFileSync(join(out, f), 'utf8'), `${f} is stale: run npx rnn-jac-spec vectors --out specs/vectors`).toBe(
          readFileSync(join(VECTORS, f), 'utf8'),
        );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each(GOLDEN_FILES)('%s: the reference adapter is within tolerance in every entry of every vector', async (f) => {
    for (const v of committedFile(f).vectors) {
      const got = await outputs(reference, f, v);
      for (const [name, o] of Object.entries(v.outputs)) expect(ratio(o, got[name]), `${v.id} ${name}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(GOLDEN_FILES)(
    "%s: every case has n, m (and T) ≥ 2, dense W ≠ Wᵀ and dense U, no σ' within reach of a kink, and a significant entry in every output",
    (f) => {
      const sequence = ['sequence', 'loss'].includes(GOLDEN_FILE_DEFS[f].draw);
      for (const v of committedFile(f).vectors) {
        const c = contractCase(v);
        expect(v.id).toBe(`${c.form}/${c.activation.name}/${c.dtype}`);
        expect(
          [c.n, c.m, ...(sequence ? [c.T] : [])].every((s) => s >= 2),
          `${v.id}: sizes`,
        ).toBe(true);
        expect(
          [...c.W, ...c.U].every((x) => x !== 0),
          `${v.id}: a zero weight`,
        ).toBe(true);
        expect(
          Array.from(c.W).some((x, k) => x !== c.W[(k % c.n) * c.n + Math.floor(k / c.n)]),
          `${v.id}: W = Wᵀ`,
        ).toBe(true);
        const tiny = comparisonPrecision(c.dtype).tiny;
        const kinks = activationByName(c.activation.name).kinks(c.activation.alpha ?? 0);
        for (const pre of derivativePoints(f, c)) {
          pre.v.forEach((x, i) => {
            const reach = Math.max(pre.e[i], Math.abs(x) < tiny ? Math.abs(x) : 0);
            for (const k of kinks) expect(Math.abs(x - k.at), `${v.id}: σ' at ${x} ± ${reach} reaches the kink at ${k.at}`).toBeGreaterThan(reach);
          });
        }
        for (const [name, o] of Object.entries(v.outputs))
          expect(
            o.expected.some((x, k) => Math.abs(x) > o.tolerance[k]),
            `${v.id} ${name}: no significant entry`,
          ).toBe(true);
      }
    },
  );

  it('tell a transposed step Jacobian from the right one in every vector', async () => {
    const vectors = committedFile('step-jacobian').vectors;
    let caught = 0;
    for (const v of vectors) {
      const J = await reference.stepJacobian(contractCase(v) as never);
      const n = v.case.n as number;
      const Jt = Float64Array.from({ length: n * n }, (_, k) => J[(k % n) * n + Math.floor(k / n)]);
      if (ratio(v.outputs.J, Jt) > 1) caught++;
    }
    expect(caught).toBe(vectors.length);
  });

  afterAll(() => reference?.dispose?.());
});
