"""mlpm: the helper library of the "From data scientist to ML product manager" workshop.

Notebooks use it to load Larder's data (:func:`load`) and to check answers
(:mod:`mlpm.checks`); the ``mlpm`` command line drives the workshop.
"""

__all__ = ["load"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """Import ``load`` (and with it pandas) only when asked: ``mlpm check`` never needs it."""
    if name == "load":
        from mlpm.datasets import load

        return load
    raise AttributeError(f"module 'mlpm' has no attribute {name!r}")
