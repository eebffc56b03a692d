"""Does the learner's workspace receive new notebooks and never lose the learner's edits?"""

from __future__ import annotations

import json
import shutil

from mlpm import workspace
from mlpm.build import build_exercises
from notebook_tools import ROOT


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_first_sync_copies_everything(tmp_path):
    """Does the first sync copy every notebook into its subfolder?"""
    source = tmp_path / "src"
    _write(source / "01-a" / "ex.ipynb", "v1")
    report = workspace.sync(tmp_path / "ws", {"exercises": source})
    assert report.copied == ["exercises/01-a/ex.ipynb"]
    assert (tmp_path / "ws" / "exercises" / "01-a" / "ex.ipynb").read_text() == "v1"


def test_sync_keeps_edits_and_refreshes_untouched_files(tmp_path):
    """Is an edited copy kept, an untouched one refreshed, and a new one added?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "edited.ipynb", "v1")
    _write(source / "untouched.ipynb", "v1")
    workspace.sync(ws, {"exercises": source})
    _write(ws / "exercises" / "edited.ipynb", "my answers")
    _write(source / "edited.ipynb", "v2")
    _write(source / "untouched.ipynb", "v2")
    _write(source / "new.ipynb", "v1")

    report = workspace.sync(ws, {"exercises": source})

    assert (ws / "exercises" / "edited.ipynb").read_text() == "my answers"
    assert (ws / "exercises" / "untouched.ipynb").read_text() == "v2"
    assert (ws / "exercises" / "new.ipynb").read_text() == "v1"
    assert report.kept == ["exercises/edited.ipynb"] and "kept your edited copy" in report.summary()


def test_sync_never_overwrites_a_file_it_did_not_copy(tmp_path):
    """Is a learner's file with no sync record (e.g. a lost manifest) left alone?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "ex.ipynb", "v1")
    _write(ws / "exercises" / "ex.ipynb", "work from before")
    _write(ws / workspace.MANIFEST, "{not json")
    report = workspace.sync(ws, {"exercises": source})
    assert (ws / "exercises" / "ex.ipynb").read_text() == "work from before"
    assert report.kept == ["exercises/ex.ipynb"]


def test_deleted_copy_comes_back(tmp_path):
    """Does a notebook the learner deleted come back on the next sync?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "ex.ipynb", "v1")
    workspace.sync(ws, {"exercises": source})
    (ws / "exercises" / "ex.ipynb").unlink()
    workspace.sync(ws, {"exercises": source})
    assert (ws / "exercises" / "ex.ipynb").read_text() == "v1"


def test_edits_survive_lab_setup_and_build(tmp_path):
    """Do a learner's answers survive re-running the lab setup and `mlpm build`?"""
    project = tmp_path / "project"
    for folder in ("solutions", "exercises", "notebooks", "grading"):
        shutil.copytree(ROOT / folder, project / folder)
    ws = tmp_path / "ws"
    sources = {"lessons": project / "notebooks", "exercises": project / "exercises"}
    workspace.sync(ws, sources)
    mine = next((ws / "exercises").rglob("*.ipynb"))
    notebook = json.loads(mine.read_text())
    notebook["cells"][0]["source"] = "my notes"
    mine.write_text(json.dumps(notebook))

    build_exercises(project)
    workspace.sync(ws, sources)

    assert json.loads(mine.read_text())["cells"][0]["source"] == "my notes"
