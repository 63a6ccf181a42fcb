/**
 * The committed jax-js conformance reports (reports/conformance/jax-js/VERSION/DEVICE) fail only with
 * the documented findings (jaxRun.ts, reports/conformance/jax-js/FINDINGS.md): a report regenerated
 * after jax-js changes, with a failure nobody has explained, fails this test until FINDINGS.md and the
 * predicates say what it is. The version's expectation file (scripts/expectations.mjs) must list exactly
 * those failures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyExpectations, failingResults } from '../../src/expectations/applyExpectations.js';
import { parseExpectations } from '../../src/expectations/parseExpectations.js';
import { PROPERTY_IDS } from '../../src/property/properties.js';
import type { RunResult } from '../../src/result.js';
import { KNOWN_FAILURES, unexpectedFailures } from './jaxRun.js';

const ROOT = join(import.meta.dirname, '..', '..', 'reports', 'conformance', 'jax-js');

/** Every committed report: VERSION/DEVICE/rnn-jac-spec.json under ROOT. */
function committedReports(): { label: string; report: RunResult }[] {
  if (!existsSync(ROOT)) return [];
  // Version folders only: FINDINGS.md sits beside them.
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .flatMap((version) =>
      readdirSync(join(ROOT, version))
        .filter((device) => existsSync(join(ROOT, version, device, 'rnn-jac-spec.json')))
        .map((device) => ({
          label: `${version}/${device}`,
          report: JSON.parse(readFileSync(join(ROOT, version, device, 'rnn-jac-spec.json'), 'utf8')) as RunResult,
        })),
    );
}

describe('committed jax-js conformance reports', () => {
  const reports = committedReports();

  it('exist for the wasm, cpu and webgpu devices', () => {
    expect(new Set(reports.map((r) => r.label.split('/')[1]))).toEqual(new Set(['wasm', 'cpu', 'webgpu']));
  });

  it.each(reports.map((r) => [r.label, r.report] as const))('%s: every failure is a documented jax-js finding', (_label, report) => {
    expect(report.results.length).toBeGreaterThan(0);
    expect(unexpectedFailures(report, KNOWN_FAILURES)).toEqual([]);
  });

  it.each(reports.map((r) => [r.label, r.report] as const))(
    "%s: the version's expectation file lists exactly its failures (the run would exit 0)",
    (label, report) => {
      const file = join(ROOT, label.split('/')[0], 'expectations.json');
      const applied = applyExpectations(report, parseExpectations(readFileSync(file, 'utf8'), file, PROPERTY_IDS), file);
      expect(failingResults(applied).map((x) => `${x.property} ${x.target.variant} ${x.target.dtype} ${x.verdict}`)).toEqual([]);
      expect(applied.summary.expectedFailures).toBe(report.summary.fail);
    },
  );
});
