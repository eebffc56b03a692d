"""Shared pytest setup: plots never open a window, caches stay out of the home folder, helpers are found,
and no check cell reports to a room view (tests run in an instructor's hub terminal would, otherwise)."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.pop("MLPM_ROOM_URL", None)  # mlpm.checks.room_report: tests that need it set it themselves
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="mlpm-test-cache-")
sys.path.insert(0, str(Path(__file__).resolve().parent))
