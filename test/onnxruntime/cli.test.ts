/**
 * `npx rnn-jac-spec --adapter onnxruntime` where a provider cannot start: exit 2 with what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, filesIn, readReport, removeReportDirs, reportDir } from '../cli/harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

describe('rnn-jac-spec --adapter onnxruntime', () => {
  it('exits 2 for --backend cuda without the CUDA provider, with how to get it and the bundled providers', () => {
    const dir = reportDir();
    const r = cli(['--adapter', 'onnxruntime', '--backend', 'cuda', '--report', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the CUDA execution provider is not installed');
    expect(r.stderr).toContain('ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node');
    expect(r.stderr).toContain('--backend cpu or --backend webgpu');
    expect(r.stderr).not.toContain('.npmrc sets');
    // The run began: its report set says why it has no unit.
    expect(filesIn(dir).sort()).toEqual(['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md']);
    expect(readReport(dir).faults?.[0].message).toContain('the CUDA execution provider is not installed');
  });

  it('exits 2 for an unknown backend, naming the ones it has', () => {
    const r = cli(['--adapter', 'onnxruntime', '--backend', 'tpu', '--report', reportDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown backend 'tpu'. Use --backend cpu, --backend webgpu, --backend cuda");
  });

  it('exits 2 when WebGPU finds no adapter, with how to install a software driver', () => {
    const r = cli(['--adapter', 'onnxruntime', '--backend', 'webgpu', '--report', reportDir()], {
      VK_ICD_FILENAMES: '/nonexistent/icd.json',
      XDG_RUNTIME_DIR: '/tmp',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('mesa-vulkan-drivers');
  });
});
