"""mlpm: the helper library of the "From data scientist to ML product manager" workshop.

Notebooks use it to load Larder's data (:func:`load`) and to check answers
(:mod:`mlpm.checks`); the ``mlpm`` command line drives the workshop.
"""

__all__ = ["load"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """Import ``load`` and ``datasets`` (and with them pandas) only when asked: ``mlpm check`` never needs them."""
    if name in ("load", "datasets"):
        import mlpm.datasets

        return mlpm.datasets.load if name == "load" else mlpm.datasets
    raise AttributeError(f"module 'mlpm' has no attribute {name!r}")
