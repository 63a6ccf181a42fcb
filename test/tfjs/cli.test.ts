/**
 * `npx rnn-jac-spec --adapter tfjs` end to end: the built CLI, a backend that cannot start (exit 2,
 * with what to install), and a failure printed with the stack frames of the framework.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, filesIn, readReport, removeReportDirs, reportDir } from '../cli/harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

describe('rnn-jac-spec --adapter tfjs', () => {
  it('exits 2 for a backend the adapter does not know, naming the ones it does, with a report set that says why', () => {
    const dir = reportDir();
    const r = cli(['--adapter', 'tfjs', '--backend', 'tpu', '--report', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown backend 'tpu'. Use --backend cpu, --backend wasm, --backend webgpu");
    expect(filesIn(dir).sort()).toEqual(['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md']);
    expect(readReport(dir).faults?.[0].during).toBe('start');
  });

  it('exits 2 when WebGPU finds no adapter, with how to install a software driver', () => {
    const r = cli(['--adapter', 'tfjs', '--backend', 'webgpu', '--report', reportDir()], {
      VK_ICD_FILENAMES: '/nonexistent/icd.json',
      XDG_RUNTIME_DIR: '/tmp',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no WebGPU adapter');
    expect(r.stderr).toContain('apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1');
  });

  it('exits 1 on the SimpleRNN input Jacobian with the shrunk case, a replay line and where tfjs threw', () => {
    const dir = reportDir();
    const r = cli(['--adapter', 'tfjs', '--variant', 'layers', '--properties', 'input-jacobian,step-jacobian', '--runs', '10', '--report', dir]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('FAIL input-jacobian (RJS-INPUT) on tfjs/cpu/layers/float32');
    expect(r.stdout).toMatch(/Replay: npx rnn-jac-spec --adapter tfjs --backend cpu --variant layers --dtype float32 --properties input-jacobian .*--replay=/);
    expect(r.stdout).toMatch(/Stack:\n\s+at convertToTensorArray \(node_modules\/@tensorflow\/tfjs\//);
    const report = readReport(dir);
    expect(report.adapter.info).toMatchObject({ framework: '@tensorflow/tfjs', backend: 'cpu' });
    expect(report.results.map((x) => x.verdict)).toEqual(['pass', 'fail']);
  });
});
