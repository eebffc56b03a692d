"""Shared pytest setup: plots never open a window, caches stay out of the home folder, helpers are found."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="mlpm-test-cache-")
sys.path.insert(0, str(Path(__file__).resolve().parent))
