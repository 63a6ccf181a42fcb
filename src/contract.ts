/**
 * The adapter contract: the one object a framework hands to rnn-jac-spec.
 *
 * An adapter module's default export is an {@link AdapterFactory}. The runner calls it once with the
 * `--backend`, `--opt key=value` and other options, then asks the resulting {@link Adapter} only for
 * what it declares: its dtypes, its activations, its forms and the optional methods it implements.
 * Everything not declared is reported as "not applicable", never as a failure.
 *
 * Conventions (spec rule RJS-CONV): vectors are column vectors; matrices are row-major
 * (entry (i, j) of an r×c matrix is element `i*c + j`); Jacobians are in numerator layout
 * (row i is output i, column k is input k). Sequences of T vectors of length d are row-major T×d
 * matrices, row t−1 holding step t.
 *
 * An adapter must compute every derivative with its framework's own autodiff. It must never compute
 * the expected formula itself, and never correct what the framework returns.
 *
 * This file imports nothing: third-party adapters may copy it.
 * @packageDocumentation
 */

/** The floating-point types a framework may compute in. One list: {@link Dtype} and the suite's checks derive from it. */
export const DTYPES = ['float32', 'float64'] as const;
/** Floating-point type the framework computes in. Inputs are exactly representable in it. */
export type Dtype = (typeof DTYPES)[number];

/**
 * The recurrences a case may be about (spec rules RJS-FORM-1..3).
 * - `pascanu`: `x_t = W·σ(x_{t-1}) + U·u_t + b` (Pascanu et al. 2013, eq. 2).
 * - `pascanu-sigma-input`: `x_t = W·σ(x_{t-1}) + U·σ(u_t) + b` (the variant some copies of eq. 2 print).
 * - `elman`: `h_t = σ(W·h_{t-1} + U·u_t + b)` (SimpleRNN, the ONNX RNN op).
 */
export const FORMS = ['pascanu', 'pascanu-sigma-input', 'elman'] as const;
/** Which recurrence the case is about: one of {@link FORMS}. */
export type Form = (typeof FORMS)[number];

/**
 * The optional members that compute something (a variant's `capabilities` name some of them). One
 * list: the suite derives its checks and its call protocol from it.
 */
export const CAPABILITIES = ['inputJacobian', 'sequenceJacobian', 'parameterGradients', 'vjp', 'jvp', 'forward'] as const;
/** One of {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/** A numeric result: any array-like of numbers (Float32Array, Float64Array, number[] …). */
export type NumericArray = ArrayLike<number>;

/** A result that may be returned directly or as a promise. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The names of the spec's activation catalogue, in the order of specs/spec.json: what
 * {@link Adapter.activations} and {@link ActivationRef.name} hold.
 */
export const ACTIVATION_NAMES = ['identity', 'tanh', 'sigmoid', 'relu', 'leakyRelu', 'elu', 'softplus', 'gelu'] as const;
/** One of {@link ACTIVATION_NAMES}. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** The activation σ of a case: a name from the spec's catalogue and its parameter, if it has one. */
export interface ActivationRef {
  /** Catalogue name, one of {@link ACTIVATION_NAMES}. */
  readonly name: string;
  /** `leakyRelu`: slope for x < 0. `elu`: scale of `alpha·(eˣ−1)` for x < 0. Absent for the others. */
  readonly alpha?: number;
}

/** One step of the recurrence: what {@link Adapter.stepJacobian} and the one-step capabilities get. */
export interface StepCase {
  /** Hidden size. */
  readonly n: number;
  /** Recurrent weights, n×n row-major. Non-symmetric for n ≥ 2. */
  readonly W: Float64Array;
  /** The previous state `x_{t-1}` (elman: `h_{t-1}`), length n. */
  readonly x: Float64Array;
  /** The activation σ. */
  readonly activation: ActivationRef;
  /** The dtype to compute in. */
  readonly dtype: Dtype;
  /** The recurrence. Always `pascanu` unless the adapter lists other {@link Adapter.forms}. */
  readonly form: Form;
  /** Input size. */
  readonly m: number;
  /** Input weights, n×m row-major. */
  readonly U: Float64Array;
  /** The input `u_t`, length m. */
  readonly u: Float64Array;
  /** Bias, length n. */
  readonly b: Float64Array;
  /** The AD entry point to use, one of {@link Adapter.variants}; undefined when it declares none. */
  readonly variant: string | undefined;
}

/** A whole sequence: what the multi-step capabilities get. */
export interface SequenceCase {
  /** Hidden size. */ readonly n: number;
  /** Input size. */ readonly m: number;
  /** Number of steps T ≥ 1. */ readonly T: number;
  /** Recurrent weights, n×n row-major. */ readonly W: Float64Array;
  /** Input weights, n×m row-major. */ readonly U: Float64Array;
  /** Bias, length n. */ readonly b: Float64Array;
  /** Initial state x_0 (elman: h_0), length n. */ readonly x0: Float64Array;
  /** Inputs u_1 … u_T, T×m row-major. */ readonly us: Float64Array;
  /** The activation σ. */ readonly activation: ActivationRef;
  /** The dtype to compute in. */ readonly dtype: Dtype;
  /** The recurrence. */ readonly form: Form;
  /** The AD entry point, as in {@link StepCase.variant}. */ readonly variant: string | undefined;
}

/** A sequence with the weights of the linear loss `L = Σ_{t=1..T} ⟨c_t, x_t⟩`. */
export interface LossCase extends SequenceCase {
  /** c_1 … c_T, T×n row-major. */
  readonly cs: Float64Array;
}

/** Gradients of the linear loss of a {@link LossCase}. */
export interface ParameterGradients {
  /** ∂L/∂W, n×n row-major (same layout as W). */ readonly W: NumericArray;
  /** ∂L/∂U, n×m row-major (same layout as U). */ readonly U: NumericArray;
  /** ∂L/∂b, length n. */ readonly b: NumericArray;
  /** ∂L/∂x_0, length n. */ readonly x0: NumericArray;
}

/**
 * What one variant covers, where it covers less than the adapter as a whole: a layer API may have
 * only the elman form and only the activations its layer accepts by name, and a framework without
 * autodiff for an op may offer only finite differences of its forward pass.
 */
export interface VariantScope {
  /** Forms this variant implements; default {@link Adapter.forms}. Must be a subset of them. */
  readonly forms?: readonly Form[];
  /** Activations this variant supports; default {@link Adapter.activations}. Must be a subset of them. */
  readonly activations?: readonly string[];
  /**
   * The dtypes this variant computes in; default {@link Adapter.dtypes}. Must be a subset of them
   * (e.g. an operator whose kernel exists in float32 only). Other dtypes are no target of it.
   */
  readonly dtypes?: readonly Dtype[];
  /**
   * The optional methods this variant implements; default: every optional method the adapter has.
   * Each must be one the adapter implements. A property that needs a method left out is "not
   * applicable" for this variant (its reason says so); `stepJacobian` is always offered.
   */
  readonly capabilities?: readonly Capability[];
  /**
   * Present when this variant's {@link Adapter.stepJacobian} and {@link Adapter.inputJacobian} are
   * not autodiff but central differences of the framework's forward pass (spec rule RJS-TOL-FD, the
   * one exception to "autodiff only"). Column k is `(f(x + h·e_k) − f(x − h·e_k)) / (2h)`, f being
   * one step of the recurrence as a function of x_{t-1} (of u_t for the input Jacobian): the
   * framework evaluates f in the case's dtype (x ± h·e_k formed in float64 or in the dtype, then
   * rounded to the dtype), and the adapter forms the difference and the quotient in float64. The
   * suite compares each entry with the exact-arithmetic range of that quotient plus its roundoff,
   * instead of with σ'. Properties that use the step Jacobian other than entry by entry
   * (gradient-bound without `sequenceJacobian`, adjoint without `jvp`) are not applicable to such a
   * variant; the other methods it lists in {@link VariantScope.capabilities} must be autodiff.
   */
  readonly finiteDifference?: {
    /** The step h: a power of two (so that dividing by 2h is exact), from 2⁶·u of each dtype of the variant (2⁻¹⁸ in float32, 2⁻⁴⁷ in float64) to 2⁻⁶. */
    readonly step: number;
  };
}

/** What {@link Adapter.info} describes; it goes into every report. */
export interface AdapterInfo {
  /** Framework name, e.g. `@tensorflow/tfjs`. */ readonly framework: string;
  /** Framework version actually loaded (the one under test). */ readonly version: string;
  /** Backend or execution provider, e.g. `cpu`, `wasm`, `webgpu`. */ readonly backend?: string;
  /** Device description, e.g. a GPU adapter name. */ readonly device?: string;
  /** Anything else a maintainer should know (free text). */ readonly notes?: string;
}

/** A framework under test. Only the first four members are required. */
export interface Adapter {
  /** Short name used in reports, e.g. `tfjs`. */
  readonly name: string;
  /** The dtypes the framework computes in. The runner tests each (or the one `--dtype` names). */
  readonly dtypes: readonly Dtype[];
  /** Catalogue names of the activations it supports. Others are listed as not declared, so not tested (`notDeclared` in reports). */
  readonly activations: readonly string[];
  /**
   * One-step Jacobian `∂x_t/∂x_{t-1}` of the case's form, n×n row-major, numerator layout.
   * For `pascanu` it is `W·diag(σ'(x_{t-1}))`; U, u and b do not change it.
   */
  stepJacobian(c: StepCase): MaybePromise<NumericArray>;

  /** Forms it implements; default `['pascanu']`. */
  readonly forms?: readonly Form[];
  /** Named AD entry points (e.g. `jacfwd`, `jacrev`). The runner tests each unless `--variant` picks one. */
  readonly variants?: readonly string[];
  /**
   * Per-variant narrowing, keyed by variant name. A variant absent here covers every form and
   * activation the adapter declares; cases it cannot take are never generated for it.
   */
  readonly variantScopes?: Readonly<Record<string, VariantScope>>;
  /**
   * Per-dtype narrowing of {@link Adapter.activations}, for a framework that lacks some kernels in
   * one dtype (ONNX Runtime's CPU provider has no float64 Elu, Softplus or Erf). Each list must be a
   * subset of `activations`; a dtype absent here supports them all.
   */
  readonly dtypeActivations?: Readonly<Partial<Record<Dtype, readonly string[]>>>;
  /** Input Jacobian `∂x_t/∂u_t`, n×m row-major. */
  inputJacobian?(c: StepCase): MaybePromise<NumericArray>;
  /** Sequence Jacobian `∂x_T/∂x_0`, n×n row-major. */
  sequenceJacobian?(c: SequenceCase): MaybePromise<NumericArray>;
  /** Gradients of `L = Σ_t ⟨c_t, x_t⟩` with respect to W, U, b and x_0, by backpropagation through time. */
  parameterGradients?(c: LossCase): MaybePromise<ParameterGradients>;
  /** Vector–Jacobian product `Jᵀ·v` of the one-step Jacobian (reverse mode), length n. */
  vjp?(c: StepCase, v: Float64Array): MaybePromise<NumericArray>;
  /** Jacobian–vector product `J·w` of the one-step Jacobian (forward mode), length n. */
  jvp?(c: StepCase, w: Float64Array): MaybePromise<NumericArray>;
  /** Forward states x_1 … x_T (elman: h_1 … h_T), T×n row-major. */
  forward?(c: SequenceCase): MaybePromise<NumericArray>;
  /** Framework, version, backend and device, for reports. */
  info?(): MaybePromise<AdapterInfo>;
  /** Releases what the adapter holds (tensors, sessions, devices). Called once, at the end of a run. */
  dispose?(): MaybePromise<void>;
}

/**
 * An adapter module's default export. `options` holds `backend` (from `--backend`) and every
 * `--opt key=value`. Throw an `Error` whose message says what is missing and how to install it when
 * the framework or backend cannot start: the CLI prints it and exits 2.
 */
export type AdapterFactory = (options: Record<string, string>) => MaybePromise<Adapter>;
