"""Does the `mlpm` command line offer its commands and report notebook runs honestly?"""

from __future__ import annotations

import subprocess
import sys

import nbformat

from mlpm import execute
from mlpm.cli import main


def test_help_lists_the_commands():
    """Does `mlpm --help` list lab, build, run, grade, check, progress and room?"""
    result = subprocess.run([sys.executable, "-m", "mlpm", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("lab", "build", "run", "grade", "check", "progress", "room"):
        assert command in result.stdout


def _project_with(tmp_path, cells):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "solutions").mkdir()
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "notebooks" / "99-demo.ipynb")
    return tmp_path


def test_run_reports_a_failing_notebook(tmp_path, capsys):
    """Does a notebook that raises show as FAILED with its error, and the run exit non-zero?"""
    root = _project_with(tmp_path, [nbformat.v4.new_code_cell("raise ValueError('broken on purpose')")])
    results = execute.run_all(root, tmp_path / "runs", jobs=1)
    assert [r.ok for r in results] == [False]
    table = execute.summary_table(results)
    assert "FAILED" in table and "broken on purpose" in table
    assert (tmp_path / "runs" / "notebooks" / "99-demo.ipynb").exists()


def test_run_command_prints_table_and_exit_code(tmp_path, capsys):
    """Does `mlpm run` print the summary table and exit 0 when the notebooks pass?"""
    code = main(["run", "01-product-strategy/", "--jobs", "1", "--output", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    assert "01-strategy-exercises.ipynb" in out and "status" in out and "1 passed, 0 failed" in out


def test_grade_summary_says_how_many_written_points_wait():
    """Does the terminal summary of `mlpm grade` say "20 / 24 (4 written points not graded yet)"?"""
    from mlpm.grading.grade import GradeRun, summary

    rows = [{"student": "ana", "status": "ok", "total": 20.0, "max": 24.0, "needs_manual_grading": True,
             "waiting_points": 4.0},
            {"student": "ben", "status": "ok", "total": 24.0, "max": 24.0, "needs_manual_grading": False,
             "waiting_points": 0.0}]
    lines = summary(GradeRun([], rows, None, None, None)).splitlines()
    assert lines[1].endswith("20 / 24 (4 written points not graded yet)")
    assert lines[2].endswith("24 / 24")
