/**
 * `npx rnn-jac-spec --adapter jax-js` where a device cannot start: exit 2 with what to do, and a report
 * set that says why (no unit, a `start` fault).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli, ensureBuilt, filesIn, readReport, removeReportDirs, reportDir } from '../cli/harness.js';

beforeAll(ensureBuilt);
afterAll(removeReportDirs);

/** Each: what it is, the backend, the environment, and what stderr must say. */
const CANNOT_START: [string, string, Record<string, string>, string[]][] = [
  ['a backend the adapter does not know, naming the ones it has', 'tpu', {}, ["unknown backend 'tpu'. Use --backend wasm, --backend cpu, --backend webgpu"]],
  [
    'WebGPU without a Vulkan driver, with how to install a software one',
    'webgpu',
    { VK_ICD_FILENAMES: '/nonexistent/icd.json', XDG_RUNTIME_DIR: '/tmp' },
    ['Dawn found no WebGPU adapter', 'apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1'],
  ],
];

it.each(CANNOT_START)('rnn-jac-spec --adapter jax-js exits 2 for %s', (_, backend, env, messages) => {
  const dir = reportDir();
  const r = cli(['--adapter', 'jax-js', '--backend', backend, '--report', dir], env);
  expect(r.status, r.stderr).toBe(2);
  for (const m of messages) expect(r.stderr).toContain(m);
  expect(filesIn(dir).sort()).toEqual(['rnn-jac-spec.json', 'rnn-jac-spec.junit.xml', 'rnn-jac-spec.md']);
  expect(readReport(dir).faults?.[0].during).toBe('start');
});
