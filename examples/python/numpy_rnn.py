"""The golden files' quantities in closed form, in NumPy, computed in each case's dtype.

An example implementation for check_vectors.py: every function takes a case from
``check_vectors.case_arrays`` and returns the file's output. The formulas are those of specs/SPEC.md
(§3 forms, §4 activations, §5 properties); elementwise functions use the usual stable formulas.
"""
from __future__ import annotations

import math
from typing import Callable, Dict, List, Tuple

import numpy as np

Fn = Callable[[np.ndarray], np.ndarray]
_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e)).astype(x.dtype)


def _phi_cdf(x: np.ndarray) -> np.ndarray:
    # erf in float64 (NumPy has none); exact to the dtype after rounding.
    return (0.5 * _erfc(-x.astype(np.float64) / math.sqrt(2))).astype(x.dtype)


def activation(name: str, alpha: float, dtype) -> Tuple[Fn, Fn]:
    """(σ, σ') of a catalogue activation; alpha rounded to the dtype like every other input."""
    a = dtype(alpha)
    one = dtype(1)
    if name == "identity":
        return (lambda x: x), (lambda x: np.ones_like(x))
    if name == "tanh":
        return np.tanh, (lambda x: one - np.tanh(x) ** 2)
    if name == "sigmoid":
        return _sigmoid, (lambda x: _sigmoid(x) * (one - _sigmoid(x)))
    if name == "relu":
        return (lambda x: np.maximum(x, 0)), (lambda x: (x > 0).astype(x.dtype))
    if name == "leakyRelu":
        return (lambda x: np.where(x >= 0, x, a * x)), (lambda x: np.where(x > 0, one, a))
    if name == "elu":
        with np.errstate(over="ignore"):
            return (lambda x: np.where(x >= 0, x, a * np.expm1(np.minimum(x, 0)))), (lambda x: np.where(x > 0, one, a * np.exp(np.minimum(x, 0))))
    if name == "softplus":
        return (lambda x: np.logaddexp(dtype(0), x)), _sigmoid
    if name == "gelu":
        pdf = lambda x: (np.exp(-(x.astype(np.float64) ** 2) / 2) / math.sqrt(2 * math.pi)).astype(x.dtype)
        return (lambda x: x * _phi_cdf(x)), (lambda x: _phi_cdf(x) + x * pdf(x))
    raise ValueError(f"unknown activation {name!r}")


def _parts(c: dict, x: np.ndarray, u: np.ndarray):
    """One step from x (elman: h): the next state, σ' where the step differentiates, and the step Jacobian."""
    sigma, dsigma = activation(c["activation"]["name"], c["activation"].get("alpha", 0.0), c["W"].dtype.type)
    W, U, b = c["W"], c["U"], c["b"]
    if c["form"] == "elman":
        a = W @ x + U @ u + b
        d = dsigma(a)
        return sigma(a), d[:, None] * W, d[:, None] * U
    g = sigma(u) if c["form"] == "pascanu-sigma-input" else u
    Ju = U * dsigma(u)[None, :] if c["form"] == "pascanu-sigma-input" else U
    return W @ sigma(x) + U @ g + b, W * dsigma(x)[None, :], Ju


def step_jacobian(c: dict) -> np.ndarray:
    return _parts(c, c["x"], c["u"])[1]


def input_jacobian(c: dict) -> np.ndarray:
    return _parts(c, c["x"], c["u"])[2]


def vjp(c: dict) -> np.ndarray:
    return step_jacobian(c).T @ c["v"]


def jvp(c: dict) -> np.ndarray:
    return step_jacobian(c) @ c["w"]


def _trajectory(c: dict) -> List[tuple]:
    x, steps = c["x0"], []
    for t in range(c["T"]):
        nxt, J, _ = _parts(c, x, c["us"][t])
        steps.append((x, nxt, J))
        x = nxt
    return steps


def forward(c: dict) -> np.ndarray:
    return np.stack([s[1] for s in _trajectory(c)])


def sequence_jacobian(c: dict) -> np.ndarray:
    P = None
    for _, _, J in _trajectory(c):
        P = J if P is None else J @ P
    return P


def parameter_gradients(c: dict) -> Dict[str, np.ndarray]:
    """BPTT for L = Σ_t ⟨c_t, x_t⟩ (RJS-GRAD)."""
    sigma, dsigma = activation(c["activation"]["name"], c["activation"].get("alpha", 0.0), c["W"].dtype.type)
    steps = _trajectory(c)
    W, U = c["W"], c["U"]
    dW, dU, db = np.zeros_like(W), np.zeros_like(U), np.zeros_like(c["b"])
    g = np.zeros_like(c["b"])
    for t in range(c["T"] - 1, -1, -1):
        prev, _, J = steps[t]
        u = c["us"][t]
        g = g + c["cs"][t]
        if c["form"] == "elman":
            lin, signal, feature = dsigma(W @ prev + U @ u + c["b"]) * g, prev, u
        else:
            lin, signal, feature = g, sigma(prev), sigma(u) if c["form"] == "pascanu-sigma-input" else u
        dW += np.outer(lin, signal)
        dU += np.outer(lin, feature)
        db += lin
        g = J.T @ g
    return {"W": dW, "U": dU, "b": db, "x0": g}


IMPLEMENTATIONS: Dict[str, Callable[[dict], object]] = {
    "step-jacobian": step_jacobian,
    "input-jacobian": input_jacobian,
    "sequence-jacobian": sequence_jacobian,
    "parameter-gradients": parameter_gradients,
    "forward": forward,
    "vjp": vjp,
    "jvp": jvp,
}
