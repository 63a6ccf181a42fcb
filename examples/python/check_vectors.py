#!/usr/bin/env python3
"""Check an implementation against the rnn-jac-spec golden vectors (specs/vectors), with NumPy only.

An implementation is a function per golden file: it takes a vector's case (see ``case_arrays``: the
adapter contract's inputs as NumPy arrays in the case's dtype, matrices shaped) and returns the file's
output as an array (or, for parameter-gradients, a dict of the arrays W, U, b and x0). A vector passes
when every entry of every output satisfies |actual - expected| <= tolerance (RJS-TOL-1).

    /usr/bin/python3 examples/python/check_vectors.py                         # numpy_rnn.py, every file
    /usr/bin/python3 examples/python/check_vectors.py --file step-jacobian --impl mymodule:step_jacobian

``--impl MODULE:NAME`` names either one function (then give ``--file``) or a dict from file names to
functions; the default is ``numpy_rnn:IMPLEMENTATIONS``, the closed forms in NumPy. Prints one PASS or
FAIL line per vector and a summary per dtype; exits 1 when a vector fails, 2 on a usage error.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_VECTORS = os.path.join(HERE, "..", "..", "specs", "vectors")

Case = Dict[str, Any]
Implementation = Callable[[Case], Any]

# Matrix-shaped case fields and their shapes in terms of n, m, T (the rest are vectors or scalars).
SHAPES = {"W": ("n", "n"), "U": ("n", "m"), "us": ("T", "m"), "cs": ("T", "n")}


def load(vectors: str) -> Tuple[dict, Dict[str, dict]]:
    """Reads DIR/index.json and every file it lists; returns the index and the files by name."""
    with open(os.path.join(vectors, "index.json"), encoding="utf-8") as f:
        index = json.load(f)
    if index.get("version") != 2:
        raise ValueError(f"{vectors}/index.json: format version {index.get('version')!r}, this checker reads version 2")
    files = {}
    for name, entry in index["files"].items():
        with open(os.path.join(vectors, entry["path"]), encoding="utf-8") as f:
            files[name] = json.load(f)
    return index, files


def case_arrays(case: Mapping[str, Any]) -> Case:
    """The case with every number array as a NumPy array in the case's dtype, matrices shaped (row-major)."""
    dtype = np.float32 if case["dtype"] == "float32" else np.float64
    out: Case = {}
    for key, value in case.items():
        if isinstance(value, list):
            arr = np.asarray(value, dtype=dtype)
            if key in SHAPES:
                arr = arr.reshape(tuple(case[d] for d in SHAPES[key]))
            out[key] = arr
        else:
            out[key] = value
    return out


def compare(output: Mapping[str, Any], actual: Any) -> Tuple[float, Optional[str]]:
    """Worst |actual - expected| / tolerance of one output, and a description of the worst failing entry."""
    rows, cols = output["rows"], output["cols"]
    expected = np.asarray(output["expected"], dtype=np.float64)
    tolerance = np.asarray(output["tolerance"], dtype=np.float64)
    got = np.asarray(actual, dtype=np.float64).reshape(-1)
    if got.size != expected.size:
        return float("inf"), f"{got.size} entries where {rows}x{cols} = {expected.size} are expected"
    with np.errstate(invalid="ignore", divide="ignore"):
        err = np.abs(got - expected)
        ratio = np.where(err == 0, 0.0, err / tolerance)
    ratio = np.where(np.isnan(ratio), np.inf, ratio)
    k = int(np.argmax(ratio))
    worst = float(ratio[k])
    if worst <= 1:
        return worst, None
    r, c = divmod(k, cols)
    return worst, f"entry ({r}, {c}): actual {got[k]!r}, expected {expected[k]!r}, |error| {err[k]:.3g} > tolerance {tolerance[k]:.3g}"


def check_file(name: str, golden: Mapping[str, Any], fn: Implementation, out=sys.stdout) -> Dict[str, List[int]]:
    """Checks every vector of one golden file; prints a line per vector; returns [passed, total] per dtype."""
    outputs = list(golden["outputs"])
    counts: Dict[str, List[int]] = {}
    for vector in golden["vectors"]:
        case = vector["case"]
        tally = counts.setdefault(case["dtype"], [0, 0])
        tally[1] += 1
        label = f"{name} {vector['id']}"
        try:
            result = fn(case_arrays(case))
            actual = result if isinstance(result, Mapping) else {outputs[0]: result}
            judged = [(*compare(vector["outputs"][o], actual[o]), o) for o in outputs]
        except Exception as e:  # a raising implementation fails the vector, it does not stop the check
            judged = [(float("inf"), f"raised {type(e).__name__}: {e}", outputs[0])]
        failing = [j for j in judged if j[1] is not None]
        worst, why, which = max(failing or judged, key=lambda j: j[0])
        if why is None:
            tally[0] += 1
            print(f"PASS {label} (worst |error|/tolerance {worst:.3g})", file=out)
        else:
            print(f"FAIL {label} output {which}: {why}", file=out)
    return counts


def check(files: Mapping[str, Mapping[str, Any]], impls: Mapping[str, Implementation], out=sys.stdout) -> bool:
    """Checks the files that `impls` has a function for; prints per-file and per-dtype counts; True when all pass."""
    total: Dict[str, List[int]] = {}
    for name, fn in impls.items():
        if name not in files:
            raise KeyError(f"no golden file {name!r}; the files are {', '.join(files)}")
        counts = check_file(name, files[name], fn, out)
        print(f"{name}: " + ", ".join(f"{d} {p}/{t} pass" for d, (p, t) in sorted(counts.items())), file=out)
        for d, (p, t) in counts.items():
            acc = total.setdefault(d, [0, 0])
            acc[0] += p
            acc[1] += t
    ok = all(p == t for p, t in total.values())
    summary = ", ".join(f"{d} {p}/{t}" for d, (p, t) in sorted(total.items()))
    print(f"{'all vectors pass' if ok else 'FAILED'}: {summary}", file=out)
    return ok


def resolve(spec: str, file: Optional[str]) -> Dict[str, Implementation]:
    """MODULE:NAME -> {file: function}; a bare function needs the file it implements."""
    module, _, attr = spec.partition(":")
    sys.path.insert(0, HERE)
    target = getattr(importlib.import_module(module), attr or "IMPLEMENTATIONS")
    if callable(target):
        if file is None:
            raise ValueError(f"--impl {spec} is one function: say which file it implements with --file")
        return {file: target}
    impls = dict(target)
    return {file: impls[file]} if file is not None else impls


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", default=DEFAULT_VECTORS, help="directory with index.json (default: specs/vectors)")
    parser.add_argument("--impl", default="numpy_rnn:IMPLEMENTATIONS", help="MODULE:NAME, a function or a dict of them by file name")
    parser.add_argument("--file", help="only this golden file (e.g. step-jacobian)")
    args = parser.parse_args(argv)
    try:
        _, files = load(args.vectors)
        impls = resolve(args.impl, args.file)
        return 0 if check(files, impls) else 1
    except (OSError, ValueError, KeyError, ImportError, AttributeError) as e:
        print(f"check_vectors: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
