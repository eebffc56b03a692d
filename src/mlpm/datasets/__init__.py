"""Larder's datasets: seeded generators and a loader for the committed CSVs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from mlpm.datasets.customers import customers
from mlpm.datasets.strategy import backlog, interviews
from mlpm.paths import content_dir

GENERATORS: dict[str, Callable[[], pd.DataFrame]] = {
    "customers": customers,
    "interviews": interviews,
    "backlog": backlog,
}

__all__ = ["GENERATORS", "backlog", "customers", "interviews", "load", "write_all"]


def load(name: str) -> pd.DataFrame:
    """Load one of Larder's datasets by name, from any working directory.

    Parameters
    ----------
    name : str
        A dataset name, e.g. ``"customers"``; ``GENERATORS`` lists them all.

    Returns
    -------
    pandas.DataFrame
        A fresh copy: changing it does not change what the next ``load`` returns.
    """
    if name not in GENERATORS:
        known = ", ".join(sorted(GENERATORS))
        raise KeyError(f"No dataset called {name!r}. The datasets are: {known}.")
    return pd.read_csv(content_dir("datasets") / f"{name}.csv")


def write_all(folder: Path) -> list[Path]:
    """Regenerate every dataset with its default seed and write it as CSV into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, generate in GENERATORS.items():
        path = folder / f"{name}.csv"
        generate().to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
