import type { AdapterFactory } from '../contract.js';

/** A lazily imported adapter module. */
export type AdapterModule = { readonly default: AdapterFactory };

/** What a built-in adapter needs installed, for the message when it cannot load. */
export interface BuiltinAdapter {
  /** Imports the module only when asked for, so a missing framework matters only then. */ readonly load: () => Promise<AdapterModule>;
  /** One line: what it tests. */ readonly description: string;
  /** npm packages it needs (optional peer dependencies). */ readonly requires: readonly string[];
  /** The `--backend` values it takes, the default first. */ readonly backends: readonly string[];
}

/** The names of the built-in adapters, in the order `--help` and `--list` show them. */
export const BUILTIN_NAMES = ['reference', 'tfjs', 'onnxruntime', 'jax-js'] as const;
/** A built-in adapter's name. */
export type BuiltinName = (typeof BUILTIN_NAMES)[number];

/** The adapters shipped with rnn-jac-spec, by `--adapter` name. */
export const builtinAdapters = {
  reference: {
    load: () => import('../../adapters/reference/index.js'),
    description: 'float64/float32 analytic reference (the spec as code); checked against a dual-number oracle',
    requires: [],
    backends: ['js'],
  },
  tfjs: {
    load: () => import('../../adapters/tfjs/index.js'),
    description: '@tensorflow/tfjs autodiff (tf.grads; tf.layers.simpleRNN with tf.variableGrads), float32, --backend cpu|wasm|webgpu',
    requires: ['@tensorflow/tfjs'],
    backends: ['cpu', 'wasm', 'webgpu'],
  },
  onnxruntime: {
    load: () => import('../../adapters/onnxruntime/index.js'),
    description: 'onnxruntime-node with gradient graphs derived by per-op VJP rules, finite differences, and the ONNX RNN op; --backend cpu|webgpu|cuda',
    requires: ['onnxruntime-node'],
    backends: ['cpu', 'webgpu', 'cuda'],
  },
  'jax-js': {
    load: () => import('../../adapters/jax-js/index.js'),
    description: '@jax-js/jax transformations (jacrev, jacfwd, vjp, jvp, grad, each also under jit), float64 and float32, --backend wasm|cpu|webgpu',
    requires: ['@jax-js/jax'],
    backends: ['wasm', 'cpu', 'webgpu'],
  },
} as const satisfies Record<BuiltinName, BuiltinAdapter>;

/** The built-in adapter of that name, looked up as an own property (so `__proto__` is no adapter). */
export function builtinAdapter(name: string): BuiltinAdapter | undefined {
  return Object.hasOwn(builtinAdapters, name) ? builtinAdapters[name as BuiltinName] : undefined;
}
