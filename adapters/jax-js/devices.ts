/**
 * jax-js devices by `--backend`: `wasm` (the default, as in jax-js), `cpu` (jax-js's interpreter in
 * plain JavaScript) and `webgpu` (Dawn through the `webgpu` npm package). A device that cannot start
 * throws an Error that says why and what to install; the CLI turns it into exit code 2.
 */
import { importFramework } from '../../src/adapters/frameworkPackage.js';
import type { Dtype } from '../../src/contract.js';
import type { Jax, JaxDevice } from './jax.js';

/** The devices this adapter can start, by `--backend` name. */
export const JAX_DEVICES = ['wasm', 'cpu', 'webgpu'] as const;

/** What started: the device, the dtypes it computes in, and a description for reports. */
export interface StartedDevice {
  readonly device: JaxDevice;
  readonly dtypes: readonly Dtype[];
  readonly description: string;
}

/** Dawn's entry points, as the `webgpu` package exports them. */
interface Dawn {
  create(flags: string[]): { requestAdapter(): Promise<{ info?: Record<string, string> } | null> };
  globals: object;
}

const DRIVER_HELP = [
  '',
  '  jax-js --backend webgpu runs on Dawn (npm package webgpu), which needs a Vulkan driver. Without a',
  "  GPU, Mesa's lavapipe works in the version of Debian bookworm-backports (mesa-vulkan-drivers 25.x):",
  '  add bookworm-backports to the Suites: line of /etc/apt/sources.list.d/debian.sources, run',
  '  apt-get update && apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1,',
  '  and set XDG_RUNTIME_DIR to a writable directory. See DEVELOPERS.md.',
].join('\n');

/** Starts `name` and makes it jax-js's default device. */
export async function startDevice(jax: Jax, name: string): Promise<StartedDevice> {
  switch (name) {
    case 'wasm':
      await ready(jax, 'wasm', '');
      // jax-js runs Wasm kernels on Web Workers only where `Worker` and SharedArrayBuffer exist;
      // Node has no global Worker, so kernels run on the main thread.
      return { device: 'wasm', dtypes: ['float64', 'float32'], description: 'WebAssembly (jax-js kernels, single-threaded in Node)' };
    case 'cpu':
      await ready(jax, 'cpu', '');
      return { device: 'cpu', dtypes: ['float64', 'float32'], description: 'JavaScript interpreter (jax-js cpu device)' };
    case 'webgpu':
      return startWebgpu(jax);
    default:
      throw new Error(`jax-js adapter: unknown backend '${name}'. Use --backend ${JAX_DEVICES.join(', --backend ')}.`);
  }
}

/** Initialises `device` with jax.init and makes it the default; throws with `help` when it is missing. */
async function ready(jax: Jax, device: JaxDevice, help: string): Promise<void> {
  let started: JaxDevice[];
  try {
    started = await jax.init(device);
  } catch (err) {
    throw new Error(`jax-js device '${device}' failed to start: ${err instanceof Error ? err.message : String(err)}${help}`);
  }
  if (!started.includes(device)) throw new Error(`jax-js device '${device}' did not start (jax.init returned ${started.join(', ')}).${help}`);
  jax.defaultDevice(device);
}

async function startWebgpu(jax: Jax): Promise<StartedDevice> {
  const dawn = await importFramework<Dawn>('webgpu', 'jax-js --backend webgpu (Dawn for Node)', { load: DRIVER_HELP });
  // Shims, as a browser (or Node ≥ 21) has them: WebGPU's classes (GPUBufferUsage …) as globals, and
  // navigator.gpu. Node 20 has no navigator at all, so navigator.userAgent is given the value Node ≥ 21
  // gives it: jax-js's WebGPU device reads it to detect Firefox (a mapAsync polling workaround) and
  // mobile GPUs (a kernel unrolling heuristic), and throws when it is undefined.
  Object.assign(globalThis, dawn.globals);
  const g = globalThis as { navigator?: { userAgent?: string } };
  if (g.navigator === undefined) Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true, writable: true });
  const nav = g.navigator!;
  if (nav.userAgent === undefined) Object.defineProperty(nav, 'userAgent', { value: `Node.js/${process.versions.node.split('.')[0]}`, configurable: true });
  const gpu = dawn.create([]);
  Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true });
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new Error(`jax-js --backend webgpu: Dawn found no WebGPU adapter (navigator.gpu.requestAdapter() returned null).${DRIVER_HELP}`);
  await ready(jax, 'webgpu', DRIVER_HELP);
  const info = adapter.info ?? {};
  const what = [info.vendor, info.architecture, info.device, info.description].filter((s) => s !== undefined && s !== '').join(' / ');
  // WGSL has no 64-bit float: jax-js's WebGPU device has float32 (and float16) only.
  return { device: 'webgpu', dtypes: ['float32'], description: `WebGPU (Dawn): ${what || 'adapter without info'}` };
}
