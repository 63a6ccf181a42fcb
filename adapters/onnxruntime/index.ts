/**
 * The ONNX Runtime adapter: `onnxruntime-node` (the installed version is the one under test) on its
 * cpu, webgpu or cuda execution provider. ONNX Runtime for Node has no autodiff, so the adapter
 * brings it: gradient graphs of standard ONNX ops, derived from the forward graph by per-op VJP
 * rules (vjpRules.ts), run by the provider like any model. Variants:
 * - `gradient-graph`: every capability, from the derived gradient graphs;
 * - `finite-difference`: one-step Jacobians as central differences of the forward graph alone;
 * - `rnn-op`: the ONNX RNN operator (elman form, float32), forward states and central differences.
 *
 * Options: `--backend cpu|webgpu|cuda` (default cpu).
 */
import { importFramework } from '../../src/adapters/frameworkPackage.js';
import type { ActivationName, Adapter, AdapterFactory, Dtype, SequenceCase } from '../../src/contract.js';
import { ONNX_ACTIVATIONS } from './activation.js';
import { fdVariant } from './fdVariant.js';
import { FD_STEP } from './finiteDifference.js';
import { gradientGraphVariant, type OnnxVariant } from './gradientGraph.js';
import { provider, startHint, type Ort } from './providers.js';
import { RNN_OP_ACTIVATIONS, rnnOpVariant } from './rnnOp.js';
import { SessionCache } from './sessions.js';

/** Activations ONNX Runtime's CPU provider has float64 kernels for (Elu, Softplus and Erf are float-only). */
const FLOAT64_ACTIVATIONS: readonly ActivationName[] = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu'];

/** How to install onnxruntime-node where its install script cannot download the CUDA provider. */
const INSTALL_HINT =
  '\n  On Linux x64 its install script also downloads the CUDA provider; to install without it (the cpu and webgpu providers are bundled), set ONNXRUNTIME_NODE_INSTALL=skip in the environment of npm install and npm ci.';

/** Creates the adapter on `options.backend` (default `cpu`). */
export const createOnnxRuntimeAdapter: AdapterFactory = async (options) => {
  const ort = await importFramework<Ort>('onnxruntime-node', 'the onnxruntime adapter', { install: INSTALL_HINT });
  const p = provider(ort, options.backend ?? 'cpu');
  const cache = new SessionCache(ort, p);
  await probe(cache, p.name);
  const variants: Record<string, OnnxVariant> = {
    'gradient-graph': gradientGraphVariant(cache),
    'finite-difference': fdVariant(cache),
  };
  // The RNN op is offered only where the provider has a kernel for it (with no CPU fallback).
  const rnnKernel = await hasKernel(() => rnnOpVariant(cache).forward(tinySequence()));
  if (rnnKernel === true) variants['rnn-op'] = rnnOpVariant(cache);
  const pick = (v: string | undefined): OnnxVariant => variants[v ?? 'gradient-graph'] ?? variants['gradient-graph'];
  const unsupported = (what: string) => (): never => {
    throw new Error(`onnxruntime adapter: this variant has no ${what}`);
  };
  const adapter: Adapter = {
    name: 'onnxruntime',
    dtypes: p.dtypes,
    activations: [...ONNX_ACTIVATIONS],
    dtypeActivations: { float64: FLOAT64_ACTIVATIONS },
    forms: ['pascanu', 'pascanu-sigma-input', 'elman'],
    variants: Object.keys(variants),
    variantScopes: {
      'finite-difference': { capabilities: ['inputJacobian', 'forward'], finiteDifference: { step: FD_STEP } },
      ...(variants['rnn-op'] !== undefined
        ? {
            'rnn-op': {
              forms: ['elman'],
              activations: RNN_OP_ACTIVATIONS,
              dtypes: ['float32'],
              capabilities: ['inputJacobian', 'forward'],
              finiteDifference: { step: FD_STEP },
            },
          }
        : {}),
    },
    stepJacobian: (c) => pick(c.variant).stepJacobian(c),
    inputJacobian: (c) => pick(c.variant).inputJacobian(c),
    sequenceJacobian: (c) => (pick(c.variant).sequenceJacobian ?? unsupported('sequenceJacobian'))(c),
    parameterGradients: (c) => (pick(c.variant).parameterGradients ?? unsupported('parameterGradients'))(c),
    vjp: (c, v) => (pick(c.variant).vjp ?? unsupported('vjp'))(c, v),
    forward: (c) => pick(c.variant).forward(c),
    info: () => ({
      framework: 'onnxruntime-node',
      version: ort.env.versions?.node ?? ort.env.versions?.common ?? 'unknown',
      backend: p.name,
      device: p.name === 'cpu' ? 'CPU execution provider' : `${p.name} execution provider (CPU fallback disabled)`,
      notes:
        `ONNX opset 17 graphs built in TypeScript. gradient-graph: reverse mode by per-op VJP rules (ONNX Runtime has no autodiff); ` +
        `finite-difference and rnn-op: central differences with h = 2^${Math.log2(FD_STEP)} of the forward pass; rnn-op maps W_onnx = U, R = W, B = [b, 0]. No JVP (no forward mode). ` +
        (rnnKernel === true
          ? `The ${p.name} provider has a float32 kernel for the ONNX RNN op.`
          : `The ${p.name} provider has no kernel for the ONNX RNN op (${rnnKernel}), so there is no rnn-op variant.`),
    }),
    dispose: () => cache.release(),
  };
  return adapter;
};

/** A one-step, one-unit float32 sequence for probing kernels. */
function tinySequence(): SequenceCase {
  return {
    n: 1,
    m: 1,
    T: 1,
    W: Float64Array.of(0.5),
    U: Float64Array.of(1),
    b: Float64Array.of(0),
    x0: Float64Array.of(0.25),
    us: Float64Array.of(1),
    activation: { name: 'tanh' },
    dtype: 'float32',
    form: 'elman',
    variant: undefined,
  };
}

/** true when `f` runs; else the first line of why not (e.g. no kernel on this provider). */
async function hasKernel(f: () => Promise<unknown>): Promise<true | string> {
  try {
    await f();
    return true;
  } catch (err) {
    const said = err instanceof Error ? err.message.split('\n')[0] : String(err);
    // ONNX Runtime's own words for a node without a kernel on the provider, said plainly.
    return /assigned to the default CPU EP, but fallback to CPU EP has been explicitly disabled/.test(said)
      ? 'ONNX Runtime would run the RNN node on the CPU execution provider, and the fallback to it is disabled'
      : said;
  }
}

/** Creates one tiny session, so that a provider that cannot start fails here (exit 2), not per case. */
async function probe(cache: SessionCache, name: string): Promise<void> {
  const dtype: Dtype = 'float32';
  try {
    const c = {
      n: 1,
      m: 1,
      W: Float64Array.of(0.5),
      x: Float64Array.of(0.25),
      U: Float64Array.of(1),
      u: Float64Array.of(1),
      b: Float64Array.of(0),
      activation: { name: 'tanh' },
      dtype,
      form: 'pascanu' as const,
      variant: undefined,
    };
    await gradientGraphVariant(cache).stepJacobian(c);
  } catch (err) {
    throw new Error(
      `ONNX Runtime's ${name} execution provider failed to run a model: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}${startHint(name)}`,
    );
  }
}

export default createOnnxRuntimeAdapter;
