/**
 * Starting a tfjs backend in Node: `cpu` (pure JS), `wasm` (XNNPACK, .wasm files from the installed
 * package, never the network) and `webgpu` (Dawn through the `webgpu` npm package). Every failure
 * says what is missing and how to install it; the CLI turns it into exit code 2.
 */
import { join } from 'node:path';
import { frameworkPackageDir, importFramework } from '../../src/adapters/frameworkPackage.js';
import type { Tf } from './tfjs.js';

/** The backends this adapter can start, by `--backend` name. */
export const TFJS_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;

/** What started: the backend name and a description of the device, for reports. */
export interface StartedBackend {
  readonly backend: string;
  readonly device: string;
}

/** Starts `name` and makes it tfjs's current backend. */
export async function startBackend(tf: Tf, name: string): Promise<StartedBackend> {
  switch (name) {
    case 'cpu':
      return { backend: await activate(tf, 'cpu', ''), device: 'JavaScript (tfjs-backend-cpu)' };
    case 'wasm':
      return startWasm(tf);
    case 'webgpu':
      return startWebgpu(tf);
    default:
      throw new Error(`tfjs adapter: unknown backend '${name}'. Use --backend ${TFJS_BACKENDS.join(', --backend ')}.`);
  }
}

async function activate(tf: Tf, name: string, hint: string): Promise<string> {
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (err) {
    throw new Error(`tfjs backend '${name}' failed to start: ${err instanceof Error ? err.message : String(err)}${hint}`);
  }
  if (!ok || tf.getBackend() !== name) throw new Error(`tfjs backend '${name}' failed to start (tf.setBackend returned false).${hint}`);
  await tf.ready();
  return name;
}

/**
 * Imports `pkg` (next to rnn-jac-spec, else from the user's project), or throws an error that says
 * what to do: install the package when it is missing, or follow `hint` when it is there but fails to
 * load (a native library it needs, say).
 */
export async function importOr<T>(pkg: string, why: string, hint = ''): Promise<T> {
  return importFramework<T>(pkg, why, { load: hint });
}

async function startWasm(tf: Tf): Promise<StartedBackend> {
  const wasm = await importFramework<typeof import('@tensorflow/tfjs-backend-wasm')>('@tensorflow/tfjs-backend-wasm', 'tfjs --backend wasm', {
    install: `@${tf.version.tfjs} (the version of @tensorflow/tfjs)`,
  });
  // The .wasm binaries ship in the package's dist/ folder; pointing there keeps loading local.
  const dist = `${join(frameworkPackageDir('@tensorflow/tfjs-backend-wasm') ?? '', 'dist')}/`;
  wasm.setWasmPaths(dist);
  await activate(tf, 'wasm', `\n  The .wasm files are read from ${dist}; reinstall @tensorflow/tfjs-backend-wasm if they are missing.`);
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return { backend: 'wasm', device: `WebAssembly (XNNPACK${simd ? ', SIMD' : ''}${threads ? ', threads' : ''})` };
}

const WEBGPU_HINT = [
  '',
  "  WebGPU in Node needs a GPU driver that Dawn can use. On Linux without a GPU, Mesa's software",
  '  Vulkan driver (lavapipe) works from Debian bookworm-backports (mesa-vulkan-drivers 25.x):',
  '    add bookworm-backports to the Suites: line of /etc/apt/sources.list.d/debian.sources, then',
  '    apt-get update && apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1',
  '  and set XDG_RUNTIME_DIR (any writable directory).',
].join('\n');

async function startWebgpu(tf: Tf): Promise<StartedBackend> {
  const dawn = await importOr<{ create(flags: string[]): unknown; globals: object }>('webgpu', 'tfjs --backend webgpu (Dawn for Node)', WEBGPU_HINT);
  Object.assign(globalThis, dawn.globals);
  const g = globalThis as { navigator?: object };
  // Node 20 has no navigator; Node ≥ 21 has one without gpu. tfjs-backend-webgpu reads navigator.gpu.
  if (g.navigator === undefined) Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
  const gpu = dawn.create([]) as { requestAdapter(): Promise<{ info?: Record<string, string> } | null> };
  Object.defineProperty(g.navigator, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new Error(`tfjs --backend webgpu: Dawn found no WebGPU adapter (navigator.gpu.requestAdapter() returned null).${WEBGPU_HINT}`);
  await importOr('@tensorflow/tfjs-backend-webgpu', 'tfjs --backend webgpu', WEBGPU_HINT);
  await activate(tf, 'webgpu', WEBGPU_HINT);
  const info = adapter.info ?? {};
  const device = [info.vendor, info.architecture, info.device, info.description].filter((s) => s !== undefined && s !== '').join(' / ');
  return { backend: 'webgpu', device: `WebGPU (Dawn): ${device || 'adapter without info'}` };
}
