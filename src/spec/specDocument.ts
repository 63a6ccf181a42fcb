import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dtype, Form } from '../contract.js';
import { packageRoot } from './packageRoot.js';

/** A parameter of an activation, as the catalogue describes it. */
export interface ActivationParamSpec {
  /** Parameter name (`alpha`). */ readonly name: string;
  /** What it means. */ readonly meaning: string;
  /** The framework-typical default (only informative). */ readonly default: number;
  /** Range the generators draw it from. */ readonly generated: { readonly min: number; readonly max: number };
}

/** A point where σ is not differentiable. */
export interface KinkSpec {
  /** Location of the kink. */ readonly at: number;
  /** σ' just left of it (text). */ readonly left: string;
  /** σ' just right of it (text). */ readonly right: string;
  /** Which subgradients the spec accepts there (text; the interval between left and right). */ readonly accepted: string;
}

/** One entry of the activation catalogue. */
export interface ActivationSpec {
  /** Catalogue name. */ readonly name: string;
  /** σ(x), as text. */ readonly sigma: string;
  /** σ'(x), as text. */ readonly derivative: string;
  /** Its parameters. */ readonly params: readonly ActivationParamSpec[];
  /** γ = sup |σ'|, as text. */ readonly gamma: string;
  /** Its kinks. */ readonly kinks: readonly KinkSpec[];
}

/** One property of the spec. */
export interface PropertySpec {
  /** CLI name. */ readonly id: string;
  /** Rule ID in SPEC.md. */ readonly rule: string;
  /** Short title. */ readonly title: string;
  /** The formula it checks. */ readonly formula: string;
  /** Adapter members it needs. */ readonly requires: readonly string[];
}

/** One recurrence form. */
export interface FormSpec {
  /** Form name. */ readonly name: Form;
  /** Rule ID. */ readonly rule: string;
  /** The recurrence. */ readonly recurrence: string;
  /** Its one-step Jacobian. */ readonly stepJacobian: string;
  /** Its input Jacobian. */ readonly inputJacobian: string;
}

/** The machine-readable spec, `specs/spec.json`. */
export interface SpecDocument {
  /** Version of the spec. */ readonly specVersion: string;
  /** Layout conventions (text). */ readonly conventions: Record<string, string>;
  /** The recurrence forms. */ readonly forms: readonly FormSpec[];
  /** The activation catalogue. */ readonly activations: readonly ActivationSpec[];
  /** The properties. */ readonly properties: readonly PropertySpec[];
  /** Tolerance constants. */
  readonly tolerance: {
    readonly rule: string;
    readonly unitRoundoff: Readonly<Record<Dtype, number>>;
    readonly smallestNormal: Readonly<Record<Dtype, number>>;
    readonly elementwiseUlps: number;
    readonly summary: string;
  };
}

let cached: SpecDocument | undefined;

/** Reads `specs/spec.json` (once). */
export function specDocument(): SpecDocument {
  cached ??= JSON.parse(readFileSync(join(packageRoot(), 'specs', 'spec.json'), 'utf8')) as SpecDocument;
  return cached;
}
