/**
 * The tfjs adapter: `@tensorflow/tfjs` (the version installed next to rnn-jac-spec is the one under
 * test) on its cpu, wasm or webgpu backend, float32 only. Every derivative comes from tfjs's autodiff:
 * - variant `grads`: the recurrence in tfjs ops, differentiated by `tf.grads` with an explicit
 *   cotangent (tf.grad, tf.valueAndGrads and tf.variableGrads share its engine path);
 * - variant `layers`: `tf.layers.simpleRNN` (elman form only), differentiated by `tf.variableGrads`.
 *
 * Options: `--backend cpu|wasm|webgpu` (default cpu).
 */
import type { Adapter, AdapterFactory, AdapterInfo } from '../../src/contract.js';
import { LAYER_ACTIVATIONS, TFJS_ACTIVATIONS } from './activation.js';
import { importOr, startBackend } from './backends.js';
import { gradsVariant } from './grads.js';
import { layersVariant } from './layers.js';
import type { Tf } from './tfjs.js';
import type { TfjsVariant } from './variant.js';

/** Creates the tfjs adapter on `options.backend` (default `cpu`). */
export const createTfjsAdapter: AdapterFactory = async (options) => {
  const tf = await importOr<Tf>('@tensorflow/tfjs', 'the tfjs adapter');
  // PROD only silences tfjs's console warnings (e.g. "install tfjs-node"); numerics are unchanged.
  tf.env().set('PROD', true);
  const started = await startBackend(tf, options.backend ?? 'cpu');
  const variants: Record<string, TfjsVariant> = { grads: gradsVariant(tf), layers: layersVariant(tf) };
  // tfjs's backend is process-wide: another tfjs adapter in the same process (a benchmark, a test
  // runner) may have switched it since. Every call first makes sure it runs on this adapter's backend.
  const on = async <T>(v: string | undefined, f: (variant: TfjsVariant) => Promise<T>): Promise<T> => {
    if (tf.getBackend() !== started.backend) await tf.setBackend(started.backend);
    return f(variants[v ?? 'grads'] ?? variants.grads);
  };
  const adapter: Adapter = {
    name: 'tfjs',
    dtypes: ['float32'],
    activations: [...TFJS_ACTIVATIONS],
    forms: ['pascanu', 'pascanu-sigma-input', 'elman'],
    variants: Object.keys(variants),
    variantScopes: { layers: { forms: ['elman'], activations: Object.keys(LAYER_ACTIVATIONS) } },
    stepJacobian: (c) => on(c.variant, (v) => v.stepJacobian(c)),
    inputJacobian: (c) => on(c.variant, (v) => v.inputJacobian(c)),
    sequenceJacobian: (c) => on(c.variant, (v) => v.sequenceJacobian(c)),
    parameterGradients: (c) => on(c.variant, (v) => v.parameterGradients(c)),
    vjp: (c, dy) => on(c.variant, (v) => v.vjp(c, dy)),
    forward: (c) => on(c.variant, (v) => v.forward(c)),
    info: (): AdapterInfo => ({
      framework: '@tensorflow/tfjs',
      version: tf.version.tfjs,
      backend: started.backend,
      device: started.device,
      notes:
        'float32 only. grads: tf.grads with explicit cotangents (a batch of n copies with dy = I gives a Jacobian in one backward pass); ' +
        'layers: tf.layers.simpleRNN with K = Uᵀ, R = Wᵀ, differentiated by tf.variableGrads. tfjs has no forward mode, so no JVP: the adjoint property pairs the VJP with the step Jacobian.',
    }),
    dispose: () => {
      // Each case disposes its own tensors and variables; nothing is held between cases.
    },
  };
  return adapter;
};

export default createTfjsAdapter;
