import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, reportDir } from './harness.js';

beforeAll(ensureBuilt);
const dir = mkdtempSync(join(tmpdir(), 'rjs-step-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('in a GitHub Actions step (GITHUB_STEP_SUMMARY set)', () => {
  it("appends the Markdown report to the step's summary file, after what was there", () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, 'earlier step\n');
    const r = cli(['--adapter', 'reference', '--properties', 'step-jacobian', '--runs', '3', '--report', reportDir(), '--format', 'json'], {
      GITHUB_STEP_SUMMARY: file,
    });
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^earlier step\n# rnn-jac-spec report: reference\n/);
    expect(text).toContain('| `step-jacobian` | RJS-STEP |');
  });

  it('warns, and keeps the verdict, when the file cannot be written', () => {
    const r = cli(['--adapter', 'reference', '--properties', 'step-jacobian', '--runs', '3', '--report', reportDir(), '--format', 'json'], {
      GITHUB_STEP_SUMMARY: join(dir, 'missing', 'summary.md'),
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^rnn-jac-spec: cannot append to GITHUB_STEP_SUMMARY/m);
  });
});
