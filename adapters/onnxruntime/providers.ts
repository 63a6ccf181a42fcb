/**
 * Execution providers by `--backend`: cpu (bundled), webgpu (bundled with onnxruntime-node; Dawn
 * needs a Vulkan driver), cuda (not bundled: downloaded by onnxruntime-node's install script).
 * GPU providers run with the CPU fallback disabled, so a result really comes from the provider named.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as ortTypes from 'onnxruntime-node';
import { frameworkPackageDir } from '../../src/adapters/frameworkPackage.js';
import type { Dtype } from '../../src/contract.js';

/** The onnxruntime-node module. */
export type Ort = typeof ortTypes;

/** What a provider computes in and how a session is configured for it. */
export interface Provider {
  readonly name: 'cpu' | 'webgpu' | 'cuda';
  readonly dtypes: readonly Dtype[];
  readonly options: ortTypes.InferenceSession.SessionOptions;
}

/** The providers, by `--backend` name. */
export const PROVIDER_NAMES = ['cpu', 'webgpu', 'cuda'] as const;

/**
 * Intra-op worker threads block when idle instead of spinning: a spinning worker keeps its core busy
 * between the many small runs a property makes, taking it from the harness and the calling thread.
 * This changes how threads wait, not how work is divided among them.
 */
const NO_SPIN = { intra_op: { allow_spinning: '0' } };
const NO_FALLBACK = { session: { ...NO_SPIN, disable_cpu_ep_fallback: '1' } };
/**
 * ONNX Runtime's own log: fatal only. Every error it logs is also thrown, and reaches the report
 * through the failure or the exit-2 message; the log would print probes' expected failures (a
 * provider without a kernel for the RNN op) in red on every run.
 */
const QUIET = { logSeverityLevel: 4 } as const;

const CUDA_HINT = [
  '',
  '  The CUDA provider is not bundled with onnxruntime-node: its install script downloads it (Linux x64),',
  '  and does not when ONNXRUNTIME_NODE_INSTALL=skip (or onnxruntime-node-install=skip in an .npmrc) is set.',
  '  To get it, with CUDA 12 and cuDNN 9 installed, reinstall onnxruntime-node on a machine that can reach',
  '  its download host:',
  '    ONNXRUNTIME_NODE_INSTALL=cuda12 npm install onnxruntime-node',
  '  Or test a bundled provider instead: --backend cpu or --backend webgpu.',
].join('\n');

const WEBGPU_HINT = [
  '',
  "  onnxruntime-node's WebGPU provider (Dawn) needs a Vulkan driver. On Linux without a GPU, Mesa's",
  '  lavapipe from Debian bookworm-backports works: add bookworm-backports to the Suites: line of',
  '  /etc/apt/sources.list.d/debian.sources, then apt-get update &&',
  '  apt-get install -y -t bookworm-backports mesa-vulkan-drivers libvulkan1, and set XDG_RUNTIME_DIR.',
].join('\n');

/** The folder holding onnxruntime-node's native libraries for this platform (of the copy the adapter imported). */
function nativeDir(): string {
  return join(frameworkPackageDir('onnxruntime-node') ?? 'onnxruntime-node', 'bin', 'napi-v6', process.platform, process.arch);
}

/** The provider named `name`, after checking that it is there; throws with what to install otherwise. */
export function provider(ort: Ort, name: string): Provider {
  const listed = ort.listSupportedBackends?.() ?? [];
  switch (name) {
    case 'cpu':
      return { name, dtypes: ['float64', 'float32'], options: { ...QUIET, executionProviders: ['cpu'], extra: { session: NO_SPIN } } };
    case 'webgpu':
      if (!listed.some((b) => b.name === 'webgpu'))
        throw new Error(`this onnxruntime-node build has no WebGPU provider (it lists ${listed.map((b) => b.name).join(', ')}).`);
      return { name, dtypes: ['float32'], options: { ...QUIET, executionProviders: ['webgpu'], extra: NO_FALLBACK } };
    case 'cuda':
      if (!existsSync(join(nativeDir(), 'libonnxruntime_providers_cuda.so'))) {
        throw new Error(`the CUDA execution provider is not installed (no libonnxruntime_providers_cuda.so in ${nativeDir()}).${CUDA_HINT}`);
      }
      return { name, dtypes: ['float32'], options: { ...QUIET, executionProviders: ['cuda'], extra: NO_FALLBACK } };
    default:
      throw new Error(`onnxruntime adapter: unknown backend '${name}'. Use --backend ${PROVIDER_NAMES.join(', --backend ')}.`);
  }
}

/** The hint for a provider that is installed but fails to create a session. */
export function startHint(name: string): string {
  return name === 'webgpu' ? WEBGPU_HINT : name === 'cuda' ? CUDA_HINT : '';
}
