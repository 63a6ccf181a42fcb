/**
 * The jax-js adapter: `@jax-js/jax` (the installed version is the one under test) on its wasm, cpu
 * or webgpu device, in float64 and float32 (webgpu: float32). Every derivative comes from one of
 * jax-js's own transformations, one variant each (transforms.ts):
 * - `jacrev`, `jacfwd`: the Jacobian functions, their result read as it is;
 * - `vjp`: reverse mode (and its primal); Jacobians from `vmap` over VJPs, gradients as the VJP of the states;
 * - `jvp`: forward mode (and its primal); Jacobians from `vmap` over JVPs;
 * - `grad`: gradients of scalars; Jacobians from `vmap` over gradients of ⟨e_i, f⟩;
 * - `jit-<each>`: the same program compiled by `jax.jit`.
 *
 * Options: `--backend wasm|cpu|webgpu` (default wasm).
 */
import { frameworkVersion, importFramework } from '../../src/adapters/frameworkPackage.js';
import type { Adapter, AdapterFactory, VariantScope } from '../../src/contract.js';
import { JAX_ACTIVATIONS } from './activation.js';
import { startDevice } from './devices.js';
import { shimFloat16Array, type Jax } from './jax.js';
import { entryPoints, type AdEntryPoint } from './transforms.js';
import { jaxVariant, type JaxVariant } from './variant.js';

type Capability = NonNullable<VariantScope['capabilities']>[number];

/** What each entry point offers besides the step Jacobian (which every variant derives with its own transform). */
const CAPABILITIES: Readonly<Record<AdEntryPoint['name'], readonly Capability[]>> = {
  jacrev: ['inputJacobian', 'sequenceJacobian'],
  jacfwd: ['inputJacobian', 'sequenceJacobian'],
  vjp: ['vjp', 'jvp', 'inputJacobian', 'sequenceJacobian', 'parameterGradients', 'forward'],
  jvp: ['jvp', 'inputJacobian', 'sequenceJacobian', 'forward'],
  grad: ['vjp', 'inputJacobian', 'sequenceJacobian', 'parameterGradients'],
};

/** The installed version of @jax-js/jax (of the copy imported), from its package.json (jax-js exports no version constant). */
function installedVersion(): string {
  return frameworkVersion('@jax-js/jax') ?? 'unknown';
}

/** Creates the jax-js adapter on `options.backend` (default `wasm`). */
export const createJaxJsAdapter: AdapterFactory = async (options) => {
  shimFloat16Array();
  const jax = await importFramework<Jax>('@jax-js/jax', 'the jax-js adapter');
  const started = await startDevice(jax, options.backend ?? 'wasm');
  const variants: Record<string, JaxVariant> = {};
  const scopes: Record<string, VariantScope> = {};
  for (const t of Object.values(entryPoints(jax))) {
    for (const jit of [false, true]) {
      const name = jit ? `jit-${t.name}` : t.name;
      variants[name] = jaxVariant(jax, started.device, t, jit);
      scopes[name] = { capabilities: CAPABILITIES[t.name] };
    }
  }
  // A call that names no variant gets `vjp`: the one entry point with every capability, and on
  // `npm run bench` (reports/bench.json) within 1.2× of the fastest full-capability step Jacobian on
  // wasm and the fastest on webgpu; jacrev, the earlier default, mis-shapes non-square Jacobians.
  const pick = (v: string | undefined): JaxVariant => {
    const chosen = variants[v ?? 'vjp'];
    if (chosen === undefined) throw new Error(`jax-js adapter: no variant '${v}'; it has: ${Object.keys(variants).join(', ')}`);
    return chosen;
  };
  const adapter: Adapter = {
    name: 'jax-js',
    dtypes: started.dtypes,
    activations: [...JAX_ACTIVATIONS],
    forms: ['pascanu', 'pascanu-sigma-input', 'elman'],
    variants: Object.keys(variants),
    variantScopes: scopes,
    stepJacobian: (c) => pick(c.variant).stepJacobian(c),
    inputJacobian: (c) => pick(c.variant).inputJacobian(c),
    sequenceJacobian: (c) => pick(c.variant).sequenceJacobian(c),
    parameterGradients: (c) => pick(c.variant).parameterGradients(c),
    vjp: (c, v) => pick(c.variant).vjp(c, v),
    jvp: (c, w) => pick(c.variant).jvp(c, w),
    forward: (c) => pick(c.variant).forward(c),
    info: () => ({
      framework: '@jax-js/jax',
      version: installedVersion(),
      backend: started.device,
      device: started.description,
      notes:
        'One variant per AD entry point (jacrev, jacfwd, vjp, jvp, grad), each also under jax.jit (jit-…, compiled once per case). ' +
        'jacrev/jacfwd results are read as returned (JAX: output.shape + input.shape); vjp and grad Jacobians are vmap-stacked rows, jvp Jacobians vmap-stacked columns (J·e_k is column k). ' +
        'The adjoint property pairs jax.vjp with jax.jvp in the vjp variants. Node shim: a Float16Array stand-in (jax-js tests instanceof Float16Array when reading a Float64Array; unused otherwise).' +
        (started.device === 'webgpu' ? ' WebGPU has no float64 (WGSL has no f64).' : ''),
    }),
    dispose: () => {
      // Each case releases its arrays and its jit compilation; nothing is held between cases.
    },
  };
  return adapter;
};

export default createJaxJsAdapter;
