// @ts-check
/**
 * A minimal rnn-jac-spec adapter, in plain JavaScript: the smallest module the CLI accepts.
 *
 *     npx rnn-jac-spec --adapter ./examples/minimal-adapter.mjs
 *
 * Copy it to start the adapter of your own framework. It implements only the four required members
 * of the contract (`name`, `dtypes`, `activations`, `stepJacobian`); every optional capability it
 * leaves out (inputJacobian, sequenceJacobian, parameterGradients, vjp, jvp, forward …) is reported
 * as "not applicable", never as a failure. The full contract, with every type, is src/contract.ts
 * (published as `rnn-jac-spec/contract`).
 *
 * IMPORTANT: this example computes the Jacobian by hand, from the formula, because it has no
 * framework to ask. A real adapter must NOT do that: it builds the recurrence with its framework's
 * tensors and asks the framework's own autodiff (jacobian, jacfwd, vjp, GradientTape …) for the
 * Jacobian, then returns what the framework returned, uncorrected. The suite tests the framework,
 * not the adapter.
 *
 * Conventions (spec rule RJS-CONV): matrices are row-major (entry (i, j) of an n×n matrix is element
 * `i*n + j`), and Jacobians are in numerator layout (row i is output i, column k is input k).
 */

/**
 * The default export is the factory: the CLI imports this module, calls the factory once with the
 * options (`--backend B` arrives as `options.backend`, each `--opt key=value` as `options[key]`), and
 * uses the adapter it returns (or resolves to: the factory may be async). If the framework cannot
 * start, throw an Error that says what to install: the CLI prints it and exits with code 2.
 *
 * @param {Record<string, string>} options - `backend` and the `--opt` values (unused here)
 * @returns {import('rnn-jac-spec/contract').Adapter}
 */
export default function createMinimalAdapter(options) {
  void options; // A real adapter would pick its backend / device from here.
  return {
    /** Short name for reports. */
    name: 'minimal',

    /**
     * The dtypes the framework computes in; the runner tests each (or only the one `--dtype` names).
     * Every input of a case is exactly representable in the case's dtype.
     */
    dtypes: ['float64', 'float32'],

    /**
     * Catalogue names of the activations supported. Cases only use these; the others (leakyRelu,
     * elu, softplus, gelu) are simply never generated.
     */
    activations: ['identity', 'tanh', 'sigmoid', 'relu'],

    /**
     * One-step Jacobian of the pascanu recurrence x_t = W·σ(x_{t-1}) + U·u_t + b (Pascanu et al.
     * 2013, eq. 2):
     *
     *     ∂x_t/∂x_{t-1} = W·diag(σ'(x_{t-1})),   entry (i, j) = W[i, j]·σ'(x[j])
     *
     * i.e. σ' scales the COLUMNS of W. (U, u and b do not change it.) The case `c` holds n, W
     * (n×n row-major Float64Array), x (= x_{t-1}, length n), activation { name, alpha? }, dtype, form
     * (always 'pascanu' here: this adapter declares no `forms`), m, U, u, b and variant.
     *
     * Returns an n×n row-major array-like of numbers (Float32Array, Float64Array or number[]), or a
     * promise of one. A throw, a rejection, a wrong length, a NaN or a call slower than `--timeout`
     * fails the case (exit code 1), it never crashes the run.
     *
     * @param {import('rnn-jac-spec/contract').StepCase} c
     * @returns {Float64Array}
     */
    stepJacobian(c) {
      // float64: plain JavaScript arithmetic. float32: every operation rounded to float32 by
      // Math.fround, which is what a framework computing in float32 does.
      const round = c.dtype === 'float32' ? Math.fround : identity;
      const slope = derivative(c.activation.name, round);
      const { n, W, x } = c;
      const J = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        const dj = slope(x[j]); // σ'(x_j), rounded to the dtype
        for (let i = 0; i < n; i++) J[i * n + j] = round(W[i * n + j] * dj);
      }
      return J;
    },
  };
}

/**
 * @param {number} v
 * @returns {number}
 */
function identity(v) {
  return v;
}

/**
 * σ' of a catalogue activation, each operation rounded by `round`. The spec's tolerance model
 * (RJS-TOL) accepts the usual formulas in the usual precision, cancellation included (1 − tanh² when
 * tanh saturates is charged as an absolute error), so nothing clever is needed.
 *
 * @param {string} name - catalogue name
 * @param {(v: number) => number} round - Math.fround for float32, identity for float64
 * @returns {(x: number) => number}
 */
function derivative(name, round) {
  switch (name) {
    case 'identity':
      return () => 1;
    case 'tanh':
      // 1 − tanh(x)²
      return (x) => {
        const t = round(Math.tanh(x));
        return round(1 - round(t * t));
      };
    case 'sigmoid':
      // s·(1 − s) with s = 1/(1 + e^(−x))
      return (x) => {
        const s = round(1 / round(1 + round(Math.exp(-x))));
        return round(s * round(1 - s));
      };
    case 'relu':
      // 1 for x > 0, 0 for x < 0. At the kink x = 0 the spec accepts any subgradient in [0, 1]
      // (RJS-KINK); this adapter uses 1, as most frameworks do. Which one is used goes into the
      // report as an observation, not a verdict.
      return (x) => (x >= 0 ? 1 : 0);
    default:
      // Never reached: cases only use the activations listed above.
      throw new Error(`minimal adapter: unsupported activation '${name}'`);
  }
}
