"""Larder's datasets: seeded generators and a loader for the committed CSVs.

Each submodule of this package declares ``DATASETS = {name: generator}``; a generator
takes a ``seed`` (and a size) and returns a DataFrame. A submodule must not share its name
with a dataset, or the module would hide the generator ``mlpm.datasets.<name>``. The committed CSV of each
dataset is its generator's output with the default arguments.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from mlpm.paths import content_dir

Generator = Callable[..., pd.DataFrame]

__all__ = ["generators", "load", "write_all"]


@functools.cache
def generators() -> dict[str, Generator]:
    """Return every dataset generator by name, collected from this package's submodules."""
    found: dict[str, Generator] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, generate in getattr(module, "DATASETS", {}).items():
            if name in found:
                raise RuntimeError(f"Two generators are called {name!r}.")
            found[name] = generate
    return dict(sorted(found.items()))


def __getattr__(name: str) -> Generator:
    """Let notebooks call ``mlpm.datasets.interviews(seed=1)`` for any registered generator."""
    if not name.startswith("_") and name in generators():
        return generators()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(name: str) -> pd.DataFrame:
    """Load one of Larder's datasets by name, from any working directory.

    Parameters
    ----------
    name : str
        A dataset name, e.g. ``"customers"``; ``generators()`` lists them all.

    Returns
    -------
    pandas.DataFrame
        A fresh copy: changing it does not change what the next ``load`` returns.
    """
    if name not in generators():
        known = ", ".join(generators())
        raise KeyError(f"No dataset called {name!r}. The datasets are: {known}.")
    return pd.read_csv(content_dir("datasets") / f"{name}.csv")


def write_all(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Regenerate datasets (all, or ``names``) with default arguments as CSVs in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, generate in generators().items():
        if names is None or name in names:
            path = folder / f"{name}.csv"
            generate().to_csv(path, index=False, lineterminator="\n")
            written.append(path)
    return written
