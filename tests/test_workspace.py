"""Does the learner's workspace receive new notebooks and never lose the learner's edits?"""

from __future__ import annotations

import hashlib
import json
import shutil

from mlpm import workspace
from mlpm.build import build_exercises
from notebook_tools import ROOT


def _notebook(*sources, outputs=()):
    """A minimal notebook with one code cell per source, its outputs and execution count set."""
    cells = [{"cell_type": "code", "source": s, "metadata": {}, "execution_count": None,
              "outputs": list(outputs)} for s in sources]
    return {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _write(path, notebook):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(notebook), encoding="utf-8")


def _sources(path):
    return [cell["source"] for cell in json.loads(path.read_text())["cells"]]


def test_first_sync_copies_everything(tmp_path):
    """Does the first sync copy every notebook into its subfolder?"""
    source = tmp_path / "src"
    _write(source / "01-a" / "ex.ipynb", _notebook("v1"))
    report = workspace.sync(tmp_path / "ws", {"exercises": source})
    assert report.copied == ["exercises/01-a/ex.ipynb"]
    assert _sources(tmp_path / "ws" / "exercises" / "01-a" / "ex.ipynb") == ["v1"]


def test_running_a_notebook_is_not_an_edit(tmp_path):
    """Do outputs, execution counts and metadata leave a notebook unedited, so it still gets updates?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "lesson.ipynb", _notebook("print(1)"))
    workspace.sync(ws, {"lessons": source})
    ran = _notebook("print(1)", outputs=[{"output_type": "stream", "name": "stdout", "text": "1\n"}])
    ran["cells"][0]["execution_count"] = 7
    ran["metadata"]["kernelspec"] = {"name": "python3"}
    _write(ws / "lessons" / "lesson.ipynb", ran)

    assert workspace.sync(ws, {"lessons": source}).summary() == "0 new, 0 refreshed"
    _write(source / "lesson.ipynb", _notebook("print(2)"))
    report = workspace.sync(ws, {"lessons": source})

    assert report.updated == ["lessons/lesson.ipynb"] and not report.beside
    assert _sources(ws / "lessons" / "lesson.ipynb") == ["print(2)"]


def test_an_edited_notebook_is_reported_only_when_upstream_changes_and_only_once(tmp_path):
    """Is an edit alone silent, and a newer upstream put in updates/ and reported once?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "ex.ipynb", _notebook("v1"))
    workspace.sync(ws, {"exercises": source})
    _write(ws / "exercises" / "ex.ipynb", _notebook("my answer"))

    assert workspace.sync(ws, {"exercises": source}).summary() == "0 new, 0 refreshed"

    _write(source / "ex.ipynb", _notebook("v2"))
    report = workspace.sync(ws, {"exercises": source})
    again = workspace.sync(ws, {"exercises": source})

    assert report.beside == ["exercises/ex.ipynb"]
    assert "yours is untouched, the new one is updates/exercises/ex.ipynb" in report.summary()
    assert _sources(ws / "exercises" / "ex.ipynb") == ["my answer"]
    assert _sources(ws / "updates" / "exercises" / "ex.ipynb") == ["v2"]
    assert again.summary() == "0 new, 0 refreshed"


def test_untouched_notebooks_are_refreshed_and_new_ones_added(tmp_path):
    """Is an untouched copy refreshed and a new notebook added, next to an edited one kept?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "edited.ipynb", _notebook("v1"))
    _write(source / "untouched.ipynb", _notebook("v1"))
    workspace.sync(ws, {"exercises": source})
    _write(ws / "exercises" / "edited.ipynb", _notebook("my answers"))
    for name in ("edited", "untouched", "new"):
        _write(source / f"{name}.ipynb", _notebook("v2"))

    report = workspace.sync(ws, {"exercises": source})

    assert _sources(ws / "exercises" / "edited.ipynb") == ["my answers"]
    assert _sources(ws / "exercises" / "untouched.ipynb") == ["v2"]
    assert _sources(ws / "exercises" / "new.ipynb") == ["v2"]
    assert (report.copied, report.updated) == (["exercises/new.ipynb"], ["exercises/untouched.ipynb"])


def test_sync_never_overwrites_a_file_it_did_not_copy(tmp_path):
    """Is a learner's notebook with no sync record (e.g. a damaged manifest) left alone?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "ex.ipynb", _notebook("v1"))
    _write(ws / "exercises" / "ex.ipynb", _notebook("work from before"))
    (ws / workspace.MANIFEST).write_text("{not json")
    report = workspace.sync(ws, {"exercises": source})
    assert _sources(ws / "exercises" / "ex.ipynb") == ["work from before"]
    assert report.beside == ["exercises/ex.ipynb"]


def test_a_manifest_of_file_digests_still_tells_edits_apart(tmp_path):
    """Does a workspace synced before content digests keep edits silent and refresh untouched copies?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "edited.ipynb", _notebook("v1"))
    _write(source / "untouched.ipynb", _notebook("v1"))
    shutil.copytree(source, ws / "exercises")  # such syncs copied the bytes
    old = {f"exercises/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest() for p in source.iterdir()}
    (ws / workspace.MANIFEST).write_text(json.dumps(old))
    _write(ws / "exercises" / "edited.ipynb", _notebook("my answers"))
    _write(source / "untouched.ipynb", _notebook("v2"))

    report = workspace.sync(ws, {"exercises": source})

    assert (report.updated, report.beside) == (["exercises/untouched.ipynb"], [])
    assert _sources(ws / "exercises" / "edited.ipynb") == ["my answers"]


def test_deleted_copy_comes_back(tmp_path):
    """Does a notebook the learner deleted come back on the next sync?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "ex.ipynb", _notebook("v1"))
    workspace.sync(ws, {"exercises": source})
    (ws / "exercises" / "ex.ipynb").unlink()
    workspace.sync(ws, {"exercises": source})
    assert _sources(ws / "exercises" / "ex.ipynb") == ["v1"]


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
    report = workspace.sync(ws, sources)

    assert json.loads(mine.read_text())["cells"][0]["source"] == "my notes"
    assert not report.beside, "an unchanged build must not look like a newer version"


def test_a_synced_copy_carries_the_language_info_its_kernel_reports(tmp_path):
    """Does a workspace copy already hold what the kernel fills in on opening (so opening is not an edit),
    while the repository's notebook keeps only the language's name?"""
    from jupyter_client.manager import start_new_kernel

    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "lesson.ipynb", {**_notebook("print(1)"), "metadata": {"language_info": {"name": "python"}}})
    workspace.sync(ws, {"lessons": source})
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        reported = client.kernel_info(reply=True, timeout=30)["content"]["language_info"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)

    assert json.loads((ws / "lessons" / "lesson.ipynb").read_text())["metadata"]["language_info"] == reported
    assert json.loads((source / "lesson.ipynb").read_text())["metadata"]["language_info"] == {"name": "python"}


def test_copies_synced_before_language_info_get_it_without_counting_as_edits(tmp_path):
    """Does a sync fill in language_info in an older, unedited copy, keep its outputs, and report nothing?"""
    source, ws = tmp_path / "src", tmp_path / "ws"
    _write(source / "lesson.ipynb", _notebook("print(1)"))
    ran = _notebook("print(1)", outputs=[{"output_type": "stream", "name": "stdout", "text": "1\n"}])
    _write(ws / "lessons" / "lesson.ipynb", ran)

    assert workspace.sync(ws, {"lessons": source}).summary() == "0 new, 0 refreshed"
    copy = json.loads((ws / "lessons" / "lesson.ipynb").read_text())
    assert copy["metadata"]["language_info"] == workspace.language_info()
    assert copy["cells"] == ran["cells"]
