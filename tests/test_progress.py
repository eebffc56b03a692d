"""Does `mlpm progress` show, from saved notebooks alone, what a learner answered and scored?"""

from __future__ import annotations

import json

import nbformat
import pytest
from nbclient import NotebookClient

from known_wrong.m01_product_strategy import WRONG_ANSWERS
from mlpm.cli import main
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.kernels import IpcKernelManager
from mlpm.progress import MANIFEST, find_workspace, progress
from notebook_tools import ROOT

M01, M02 = "01-product-strategy", "02-ml-mvp"


def _exercise(slug: str) -> tuple[dict, str]:
    [path] = sorted((ROOT / "exercises" / slug).glob("*.ipynb"))
    return read(path), path.name


def _run_and_save(notebook: dict, path) -> None:
    """Run every cell as a learner pressing Run All would, errors and all, and save the outputs."""
    node = nbformat.reads(json.dumps(notebook), as_version=4)
    NotebookClient(node, timeout=120, kernel_name="python3", allow_errors=True,
                   kernel_manager_class=IpcKernelManager).execute()
    write(node, path)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A workspace: module 01 partly answered (q3 wrong, q10 written) and run; module 02 blank but run."""
    folder = tmp_path_factory.mktemp("workspace")
    (folder / MANIFEST).write_text("{}", encoding="utf-8")
    exercise, name = _exercise(M01)
    answers = solution_answers(read(ROOT / "solutions" / M01 / name))
    chosen = {"q1_answer": answers["q1_answer"], "q3_answer": WRONG_ANSWERS["rice-multiplies-effort"][1],
              "q10_answer": "Weekly subscribers who meet substitutions churn."}
    _run_and_save(attempt(exercise, chosen), folder / "exercises" / M01 / name)
    exercise, name = _exercise(M02)
    _run_and_save(exercise, folder / "exercises" / M02 / name)
    return folder


def test_answered_checks_and_points_come_from_the_saved_outputs(workspace):
    """Does module 01 count its three answers, and the checks and points its saved results show?"""
    rows = {row.slug: row for row in progress(workspace).rows}
    m01 = rows[M01]
    assert (m01.started, m01.answered, m01.questions) == (True, 3, 10)
    assert (m01.passing, m01.auto_questions) == (1, 9)  # q1 passes; q3's one visible check fails
    assert m01.auto_points == 21 and m01.written_points == 4
    assert (m01.checks_passed, m01.checks_run) == (3, 3 + 1)  # unanswered questions ran no check


def test_a_blank_notebook_is_started_with_nothing_answered(workspace):
    """Does a blank notebook that was run show 0 answered and nothing passing, an untouched module "not started"?"""
    rows = {row.slug: row for row in progress(workspace).rows}
    assert (rows[M02].started, rows[M02].answered, rows[M02].passing, rows[M02].checks_passed) == (True, 0, 0, 0)
    others = [row for slug, row in rows.items() if slug not in (M01, M02)]
    assert others and not any(row.started for row in others)


def test_progress_command_prints_a_table_with_bars(workspace, capsys):
    """Does `mlpm progress --workspace` print a line per module with its bar, and the totals?"""
    assert main(["progress", "--workspace", str(workspace)]) == 0
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if line.startswith(M01))
    assert "3 / 10" in line and " 1 / 9 " in line and line.endswith(" 4 points")
    assert "██" in line and "░" in line
    assert "written answers, to be graded by your instructor" in printed.splitlines()[2]
    assert "not started" in next(line for line in printed.splitlines() if line.startswith("00-") or
                                 line.startswith("03-"))
    totals = next(line for line in printed.splitlines() if "questions answered" in line)
    assert totals.startswith("3 of ") and "visible checks pass on 1 of the " in totals


def test_progress_never_calls_visible_checks_points(workspace, capsys):
    """Since a wrong answer can pass the visible checks, does progress avoid presenting their result as points
    earned, and say where points come from?"""
    assert main(["progress", "--workspace", str(workspace)]) == 0
    printed = capsys.readouterr().out
    assert "automatic points" not in printed and " / 21" not in printed
    assert "Visible checks are not points" in printed and "`mlpm check` gives your points" in printed


def test_progress_inside_a_notebook_finds_its_workspace(workspace, monkeypatch):
    """Called from an exercise's folder (as in JupyterLab), does progress() find the workspace and render HTML?"""
    monkeypatch.chdir(workspace / "exercises" / M01)
    assert find_workspace(workspace / "exercises" / M01) == workspace
    shown = progress()
    assert shown.rows[0].slug and "<pre>" in shown._repr_html_() and M01 in repr(shown)


def test_progress_without_a_workspace_says_so(tmp_path, capsys):
    """Does `mlpm progress` on a folder that does not exist give one line and exit 2?"""
    assert main(["progress", "--workspace", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
