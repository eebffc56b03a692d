"""mlpm: the helper library of the "From data scientist to ML product manager" workshop.

Notebooks use it to load Larder's data (:func:`load`) and to check answers
(:mod:`mlpm.checks`); the ``mlpm`` command line drives the workshop.
"""

from mlpm.datasets import load

__all__ = ["load"]
__version__ = "0.1.0"
