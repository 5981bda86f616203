"""The models' matrix products through numpy's BLAS, on one thread, instead of blis.

thinc's ``NumpyOps`` multiplies the matrices of spaCy's token encoders, tagger, parser and NER with
blis; for the shapes these models use (a few thousand token rows by 64-480 columns) numpy's OpenBLAS
did the same products 3-4x faster on the machine measured (an AMD EPYC; bench/archive_bench.py
prints the build's figures). The models' weights, inputs and layers stay the same; only the order in
which a product's terms are summed may differ, in the last bits of a float.

OpenBLAS would use every core for one product; on a shared machine, and beside other parsing
workers, that costs more CPU than it saves time, so it runs on one thread unless
``OPENBLAS_NUM_THREADS`` says otherwise.
"""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads64_",
               "openblas_set_num_threads")


def use_numpy_products(nlp: Language) -> bool:
    """Make every model of ``nlp`` that runs on thinc's CPU ops multiply through numpy; False when none
    does (a GPU, or ops of another kind)."""
    numpy_ops = NumpyOps(use_blis=False)
    changed = False
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = numpy_ops
                changed = True
    if changed:
        _one_blas_thread()
    return changed


def _one_blas_thread() -> None:
    """numpy's OpenBLAS on one thread, unless ``OPENBLAS_NUM_THREADS`` is set."""
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return
    folder = Path(numpy.__file__).parent.parent / "numpy.libs"
    for library in sorted(folder.glob("*openblas*.so*")):
        loaded = ctypes.CDLL(str(library))
        for name in SET_THREADS:
            setter = getattr(loaded, name, None)
            if setter is not None:
                setter(1)
                return
