#!/usr/bin/env python3
"""Check PyTorch's autograd against the rnn-jac-spec golden vectors (specs/vectors).

Every vector's quantity is computed with torch.autograd in the vector's dtype (float64 or float32):
torch.autograd.functional.jacobian for the step, input and sequence Jacobians, .vjp and .jvp for the
products, backward() for the BPTT gradients, and the recurrence itself for the forward states. The
activations are torch's own (torch.tanh, torch.sigmoid, torch.relu, F.leaky_relu, F.elu, F.softplus,
F.gelu). Then check_vectors.py compares each output with `expected` under the vector's tolerance.
F.softplus returns x (derivative 1) above its threshold, 20 by default, which float64 vectors with a
softplus argument past 20 see; ``--softplus-threshold 40`` makes it exact to float64.

    /usr/bin/python3 examples/python/torch_vectors.py                # every file; exit 1 if a vector fails
    /usr/bin/python3 examples/python/torch_vectors.py --softplus-threshold 40
    /usr/bin/python3 examples/python/torch_vectors.py --transposed   # a wrong layout: every vector must fail

``--transposed`` returns every quantity in the transposed (or adjoint) layout: Jᵀ for the Jacobians
(the input Jacobian's m×n transpose read as n×m), (∂L/∂W)ᵀ and (∂L/∂U)ᵀ, the states unit-major, J·v
for the VJP and Jᵀ·w for the JVP. It exits 0 only when every vector of the checked files fails.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, Dict, List, Optional

import torch
import torch.nn.functional as F
from torch.autograd.functional import jacobian, jvp, vjp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_vectors  # noqa: E402  (the NumPy checker next to this file)

DTYPES = {"float32": torch.float32, "float64": torch.float64}


# F.softplus's default: above it softplus(x) = x and its derivative 1, which is off by e^(-x) ≈ 2e-9
# at x = 20, far beyond float64's tolerance (float32 rounds it away). Past 40, e^(-x) < u_float64/2.
SOFTPLUS_THRESHOLD = 20.0


def activation(name: str, alpha: float, softplus_threshold: float = SOFTPLUS_THRESHOLD) -> Callable[[torch.Tensor], torch.Tensor]:
    """σ as PyTorch computes it."""
    table = {
        "identity": lambda x: x,
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "relu": torch.relu,
        "leakyRelu": lambda x: F.leaky_relu(x, negative_slope=alpha),
        "elu": lambda x: F.elu(x, alpha=alpha),
        "softplus": lambda x: F.softplus(x, threshold=softplus_threshold),
        "gelu": F.gelu,
    }
    return table[name]


class Model:
    """One case's recurrence in torch: parameters as tensors of the case's dtype."""

    def __init__(self, case: dict, softplus_threshold: float):
        self.c = case
        self.dtype = DTYPES[case["dtype"]]
        self.sigma = activation(case["activation"]["name"], case["activation"].get("alpha", 0.0), softplus_threshold)

    def t(self, key: str, requires_grad: bool = False) -> torch.Tensor:
        dims = check_vectors.SHAPES.get(key)
        value = torch.tensor(self.c[key], dtype=self.dtype).reshape(tuple(self.c[d] for d in dims) if dims else (-1,))
        return value.requires_grad_(requires_grad)

    def step(self, x, u, W, U, b):
        """x_t from x_{t-1} (elman: h_t from h_{t-1}) and u_t (specs/SPEC.md §3)."""
        form = self.c["form"]
        if form == "elman":
            return self.sigma(W @ x + U @ u + b)
        g = self.sigma(u) if form == "pascanu-sigma-input" else u
        return W @ self.sigma(x) + U @ g + b

    def run(self, x0, W, U, b) -> List[torch.Tensor]:
        us, states, x = self.t("us"), [], x0
        for k in range(self.c["T"]):
            x = self.step(x, us[k], W, U, b)
            states.append(x)
        return states


def quantities(name: str, case: dict, transposed: bool, softplus_threshold: float) -> Dict[str, torch.Tensor]:
    """The golden file's outputs for one case, by torch.autograd (in the transposed layout if asked)."""
    m = Model(case, softplus_threshold)
    W, U, b = m.t("W"), m.t("U"), m.t("b")
    T = (lambda a: a.T) if transposed else (lambda a: a)
    if name in ("step-jacobian", "input-jacobian", "vjp", "jvp"):
        x, u = m.t("x"), m.t("u")
        f = lambda x_: m.step(x_, u, W, U, b)
        if name == "step-jacobian":
            return {"J": T(jacobian(f, x))}
        if name == "input-jacobian":
            return {"J": T(jacobian(lambda u_: m.step(x, u_, W, U, b), u))}
        if name == "vjp":
            v = m.t("v")
            return {"vjp": jvp(f, x, v)[1] if transposed else vjp(f, x, v)[1]}
        w = m.t("w")
        return {"jvp": vjp(f, x, w)[1] if transposed else jvp(f, x, w)[1]}
    if name == "sequence-jacobian":
        return {"J": T(jacobian(lambda x0: m.run(x0, W, U, b)[-1], m.t("x0")))}
    if name == "forward":
        with torch.no_grad():
            return {"states": T(torch.stack(m.run(m.t("x0"), W, U, b)))}
    if name == "parameter-gradients":
        Wg, Ug, bg, x0 = m.t("W", True), m.t("U", True), m.t("b", True), m.t("x0", True)
        loss = sum(torch.dot(c_t, x_t) for c_t, x_t in zip(m.t("cs"), m.run(x0, Wg, Ug, bg)))
        loss.backward()
        return {"W": T(Wg.grad), "U": T(Ug.grad), "b": bg.grad, "x0": x0.grad}
    raise KeyError(name)


def implementation(name: str, transposed: bool, softplus_threshold: float = SOFTPLUS_THRESHOLD) -> Callable[[dict], Dict[str, object]]:
    """A check_vectors implementation: takes the NumPy case, hands torch the case's own numbers."""
    def fn(arrays: dict) -> Dict[str, object]:
        case = {k: (v.reshape(-1).tolist() if hasattr(v, "reshape") else v) for k, v in arrays.items()}
        return {k: v.detach().numpy() for k, v in quantities(name, case, transposed, softplus_threshold).items()}
    return fn


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", default=check_vectors.DEFAULT_VECTORS, help="directory with index.json (default: specs/vectors)")
    parser.add_argument("--file", action="append", help="only these golden files (repeatable)")
    parser.add_argument("--transposed", action="store_true", help="return every quantity in the transposed layout; exit 0 only if every vector fails")
    parser.add_argument("--softplus-threshold", type=float, default=SOFTPLUS_THRESHOLD, help="F.softplus's threshold (torch's default 20; 40 makes it exact in float64)")
    args = parser.parse_args(argv)
    _, files = check_vectors.load(args.vectors)
    names = args.file or list(files)
    print(f"torch {torch.__version__}, {'transposed layout' if args.transposed else 'torch.autograd'}, F.softplus threshold {args.softplus_threshold:g}")
    impls = {n: implementation(n, args.transposed, args.softplus_threshold) for n in names}
    if not args.transposed:
        return 0 if check_vectors.check(files, impls) else 1
    caught = True
    for n in names:
        counts = check_vectors.check_file(n, files[n], impls[n], sys.stdout)
        failed = sum(t - p for p, t in counts.values())
        total = sum(t for _, t in counts.values())
        caught = caught and failed == total
        print(f"{n} transposed: {failed} of {total} vectors fail")
    print("every vector rejects the transposed layout" if caught else "FAILED: some vector passes the transposed layout")
    return 0 if caught else 1


if __name__ == "__main__":
    sys.exit(main())
