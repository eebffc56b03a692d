"""The learner's workspace: copies of the lessons and exercises that are theirs to edit.

Syncing copies new files in and refreshes files the learner has not touched, but never
overwrites a file the learner changed. A manifest records the hash of each file as we
last copied it; a file whose hash differs from it has been edited by the learner.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".mlpm-sync.json"


@dataclass
class SyncReport:
    """What a sync did, by workspace-relative path."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line per kind of change, for the terminal."""
        lines = [f"{len(self.copied)} new, {len(self.updated)} refreshed, {len(self.kept)} kept"]
        for path in self.kept:
            lines.append(f"  kept your edited copy of {path} (a newer version exists)")
        return "\n".join(lines)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_manifest(workspace: Path) -> dict[str, str]:
    path = workspace / MANIFEST
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        # A damaged manifest only means we cannot tell edited files apart: keep them all.
        return {}


def _write_manifest(workspace: Path, manifest: dict[str, str]) -> None:
    tmp = workspace / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, workspace / MANIFEST)


def sync(workspace: Path, sources: dict[str, Path]) -> SyncReport:
    """Copy every ``*.ipynb`` under each source folder into ``workspace/<name>/``.

    Parameters
    ----------
    workspace : Path
        The learner's folder; created if missing.
    sources : dict of str to Path
        Subfolder name in the workspace -> folder to copy notebooks from.

    Returns
    -------
    SyncReport
        Which files were copied, refreshed, or kept because the learner changed them.
    """
    workspace.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(workspace)
    report = SyncReport()
    for name, source in sources.items():
        for src in sorted(source.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in src.parts:
                continue
            rel = (Path(name) / src.relative_to(source)).as_posix()
            dest = workspace / rel
            new_digest = _digest(src)
            if not dest.exists():
                report.copied.append(rel)
            elif _digest(dest) == new_digest:
                manifest[rel] = new_digest
                continue
            elif manifest.get(rel) == _digest(dest):
                report.updated.append(rel)
            else:
                report.kept.append(rel)
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            manifest[rel] = new_digest
    _write_manifest(workspace, manifest)
    return report
