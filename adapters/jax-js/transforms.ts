/**
 * The AD entry points of jax-js, one per variant, and what each one yields. Each takes a function
 * f: Rᵏ → Rʳ of one 1-d array (a step of the recurrence, or a whole sequence) and consumes x.
 *
 * - `jacrev`, `jacfwd`: `jax.jacrev(f)(x)` / `jax.jacfwd(f)(x)`, returned as they are. JAX defines
 *   both as `output.shape + input.shape`, [r, k]: numerator layout, read row-major.
 * - `vjp`: `jax.vjp(f, [x])` gives the pullback v ↦ Jᵀ·v; `jax.vmap` of it over the r basis
 *   cotangents e_i stacks the VJPs Jᵀ·e_i, which are the rows of J.
 * - `jvp`: `jax.jvp(f, [x], [w])` gives J·w; `jax.vmap` of it over the k basis tangents e_k stacks
 *   the JVPs J·e_k, which are the columns of J (the batch axis of jax-js's vmap is always axis 0).
 * - `grad`: `jax.grad(x ↦ ⟨e, f(x)⟩)(x)` is row e of J; `jax.vmap` over the r basis vectors e_i
 *   stacks the rows. Parameter gradients are `jax.grad` of the scalar loss.
 */
import type { JArray, Jax } from './jax.js';
import { eye } from './jax.js';

/** A function of one 1-d array to one array, consuming its argument. */
export type Fn1 = (x: JArray) => JArray;
/** A function of four arrays (W, U, b, x_0) to the T×n states, consuming them. */
export type Fn4 = (W: JArray, U: JArray, b: JArray, x0: JArray) => JArray;

/** What one AD entry point offers. Every method consumes its array arguments. */
export interface AdEntryPoint {
  /** The entry point's name, as in `--variant`. */
  readonly name: 'jacrev' | 'jacfwd' | 'vjp' | 'jvp' | 'grad';
  /**
   * What the array {@link AdEntryPoint.jacobian} returns holds: `rows` (read row-major it is the r×k
   * Jacobian) or `columns` (a k×r stack whose row k is the JVP J·e_k, i.e. column k of J).
   */
  readonly holds: 'rows' | 'columns';
  /** The Jacobian of f at x, r being the length of f(x). */
  jacobian(f: Fn1, x: JArray, r: number): JArray;
  /** Jᵀ·v, reverse mode. */
  vjp?(f: Fn1, x: JArray, v: JArray): JArray;
  /** J·w, forward mode. */
  jvp?(f: Fn1, x: JArray, w: JArray): JArray;
  /** [∂L/∂W, ∂L/∂U, ∂L/∂b, ∂L/∂x_0] of L = Σ_t ⟨c_t, x_t⟩, the states being f(W, U, b, x_0) and cs their weights. */
  gradients?(f: Fn4, primals: [JArray, JArray, JArray, JArray], cs: JArray): JArray[];
  /** f(x) as the transformation computes it alongside its derivative (its primal output). */
  primal?(f: Fn1, x: JArray): JArray;
}

/** The pullback of f at x, Jᵀ·v for one cotangent v. */
function pullback(jax: Jax, f: Fn1, x: JArray): ((v: JArray) => JArray) & { dispose(): void } {
  const [y, pull] = jax.vjp(f, [x]);
  y.dispose();
  const fn = (v: JArray): JArray => pull(v)[0];
  return Object.assign(fn, { dispose: () => pull.dispose() });
}

/** J·w with jax.jvp. */
function forward(jax: Jax, f: Fn1, x: JArray, w: JArray): JArray {
  const [y, dy] = jax.jvp(f, [x], [w]);
  y.dispose();
  return dy;
}

/** ∇ₓ⟨e, f(x)⟩ = Jᵀ·e with jax.grad. */
function gradDot(jax: Jax, f: Fn1, x: JArray, e: JArray): JArray {
  const g = jax.grad((z: JArray) => f(z).mul(e.ref).sum())(x);
  e.dispose();
  return g;
}

/** The five AD entry points of the loaded jax-js. */
export function entryPoints(jax: Jax): Record<AdEntryPoint['name'], AdEntryPoint> {
  const vjpRows = (f: Fn1, x: JArray, r: number): JArray => {
    const dtype = x.dtype;
    const pull = pullback(jax, f, x);
    try {
      return jax.vmap(pull)(eye(jax, r, dtype));
    } finally {
      pull.dispose();
    }
  };
  return {
    jacrev: { name: 'jacrev', holds: 'rows', jacobian: (f, x) => jax.jacrev(f)(x) },
    jacfwd: { name: 'jacfwd', holds: 'rows', jacobian: (f, x) => jax.jacfwd(f)(x) },
    vjp: {
      name: 'vjp',
      holds: 'rows',
      jacobian: vjpRows,
      vjp: (f, x, v) => {
        const pull = pullback(jax, f, x);
        try {
          return pull(v);
        } finally {
          pull.dispose();
        }
      },
      // The adjoint property pairs this reverse mode with jax.jvp: forward against reverse.
      jvp: (f, x, w) => forward(jax, f, x, w),
      gradients: (f, primals, cs) => {
        const [y, pull] = jax.vjp(f, primals);
        y.dispose();
        try {
          return pull(cs);
        } finally {
          pull.dispose();
        }
      },
      primal: (f, x) => {
        const [y, pull] = jax.vjp(f, [x]);
        pull.dispose();
        return y;
      },
    },
    jvp: {
      name: 'jvp',
      holds: 'columns',
      jacobian: (f, x) => {
        const basis = eye(jax, x.shape[0], x.dtype);
        const J = jax.vmap((w: JArray) => forward(jax, f, x.ref, w))(basis);
        x.dispose();
        return J;
      },
      jvp: (f, x, w) => forward(jax, f, x, w),
      primal: (f, x) => {
        const [y, dy] = jax.jvp(f, [x.ref], [jax.numpy.zerosLike(x)]);
        dy.dispose();
        return y;
      },
    },
    grad: {
      name: 'grad',
      holds: 'rows',
      jacobian: (f, x, r) => {
        const J = jax.vmap((e: JArray) => gradDot(jax, f, x.ref, e))(eye(jax, r, x.dtype));
        x.dispose();
        return J;
      },
      vjp: (f, x, v) => gradDot(jax, f, x, v),
      gradients: (f, primals, cs) => {
        const loss = (W: JArray, U: JArray, b: JArray, x0: JArray): JArray => f(W, U, b, x0).mul(cs.ref).sum();
        const g = jax.grad(loss, { argnums: [0, 1, 2, 3] })(...primals);
        cs.dispose();
        return g;
      },
    },
  };
}
