"""The learner's workspace: copies of the lessons and exercises that are theirs to edit.

Syncing copies new notebooks in and refreshes the ones the learner has not edited; it never
overwrites a learner's edit. A manifest records, per notebook, a digest of what we last copied:
only cell types and sources count, so running a notebook (outputs, execution counts, metadata)
is not an edit. When an edited notebook has a newer version upstream, the new one goes to
``updates/`` beside the learner's, and the report says so once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".mlpm-sync.json"
UPDATES = "updates"


@dataclass
class SyncReport:
    """What a sync did, by workspace-relative path."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    beside: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line of counts, then one line per edited notebook that has a newer version."""
        lines = [f"{len(self.copied)} new, {len(self.updated)} refreshed"]
        for path in self.beside:
            lines.append(f"  {path} has a newer version: yours is untouched, the new one is "
                         f"{UPDATES}/{path}")
        return "\n".join(lines)


def _raw_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_digest(path: Path) -> str:
    """Digest of a notebook's cell types and sources; of its bytes if it is not a notebook."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        content = [[c["cell_type"], "".join(c["source"])] for c in cells]
    except (ValueError, UnicodeDecodeError, KeyError, TypeError):
        return _raw_digest(path)
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


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


def _recorded(manifest: dict[str, str], rel: str, src: Path, dest: Path) -> str | None:
    """The content digest of what we last copied to ``rel``.

    Manifests written before content digests hold digests of the bytes; such an entry is
    read as the content of whichever file still has those bytes.
    """
    recorded = manifest.get(rel)
    for path in (dest, src):
        if recorded == _raw_digest(path):
            return content_digest(path)
    return recorded


def language_info() -> dict:
    """What this Python's ipykernel reports as ``language_info`` (a test compares with a real kernel)."""
    return {
        "codemirror_mode": {"name": "ipython", "version": sys.version_info[0]},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": sys.version.split()[0],
    }


def _with_language_info(path: Path) -> dict | None:
    """The notebook at ``path`` with this Python's ``language_info``; None if it already has it or is no notebook.

    The repository's notebooks carry only the language's name. A kernel fills in the rest when
    a notebook opens, and JupyterLab then counts the notebook as modified: a workspace copy gets
    it filled in when it is synced, so that opening a lesson leaves it unmodified.
    """
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        metadata = notebook.setdefault("metadata", {})
    except (ValueError, UnicodeDecodeError, AttributeError):
        return None
    if not isinstance(metadata, dict) or metadata.get("language_info") == language_info():
        return None
    metadata["language_info"] = language_info()
    return notebook


def _write_notebook(notebook: dict, dest: Path) -> None:
    """Write as nbformat and JupyterLab do: sorted keys, one-space indent, UTF-8."""
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.write_text(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, dest)


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    notebook = _with_language_info(src) if src.suffix == ".ipynb" else None
    if notebook is None:
        shutil.copyfile(src, dest)
    else:
        _write_notebook(notebook, dest)


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
        Which notebooks were copied, refreshed, or edited with a newer version put in ``updates/``.
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
            new = content_digest(src)
            if not dest.exists():
                _copy(src, dest)
                report.copied.append(rel)
            elif content_digest(dest) == new:
                notebook = _with_language_info(dest)  # copied before language_info was filled in
                if notebook is not None:
                    _write_notebook(notebook, dest)
            else:
                recorded = _recorded(manifest, rel, src, dest)
                if recorded == content_digest(dest):
                    _copy(src, dest)
                    report.updated.append(rel)
                elif recorded != new:
                    _copy(src, workspace / UPDATES / rel)
                    report.beside.append(rel)
            manifest[rel] = new
    _write_manifest(workspace, manifest)
    return report
