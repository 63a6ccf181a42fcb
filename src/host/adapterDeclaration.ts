/**
 * An adapter's declaration as plain data: what the runner needs to plan a run (targets, scopes,
 * which properties apply) without holding the adapter object, which lives in the adapter host.
 * @packageDocumentation
 */
import { CAPABILITIES, type Adapter, type Capability, type Dtype, type Form, type VariantScope } from '../contract.js';

export { CAPABILITIES, type Capability } from '../contract.js';

/** What an adapter declares, and which optional members it implements. */
export interface AdapterDeclaration {
  /** {@link Adapter.name}. */ readonly name: string;
  /** {@link Adapter.dtypes}. */ readonly dtypes: readonly Dtype[];
  /** {@link Adapter.activations}. */ readonly activations: readonly string[];
  /** {@link Adapter.forms}. */ readonly forms?: readonly Form[];
  /** {@link Adapter.variants}. */ readonly variants?: readonly string[];
  /** {@link Adapter.variantScopes}. */ readonly variantScopes?: Readonly<Record<string, VariantScope>>;
  /** {@link Adapter.dtypeActivations}. */ readonly dtypeActivations?: Readonly<Partial<Record<Dtype, readonly string[]>>>;
  /** The optional call members it implements, in {@link CAPABILITIES} order. */ readonly methods: readonly Capability[];
}

/**
 * The declaration of a validated adapter, copied (JSON) so that it is plain data the adapter can no
 * longer change, and so that it can cross a process boundary.
 * @param a - an adapter that passed validateAdapter
 */
export function declarationOf(a: Adapter): AdapterDeclaration {
  const plain = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  return {
    name: a.name,
    dtypes: plain(a.dtypes),
    activations: plain(a.activations),
    ...(a.forms !== undefined ? { forms: plain(a.forms) } : {}),
    ...(a.variants !== undefined ? { variants: plain(a.variants) } : {}),
    ...(a.variantScopes !== undefined ? { variantScopes: plain(a.variantScopes) } : {}),
    ...(a.dtypeActivations !== undefined ? { dtypeActivations: plain(a.dtypeActivations) } : {}),
    methods: CAPABILITIES.filter((m) => typeof a[m] === 'function'),
  };
}
