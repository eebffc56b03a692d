"""Does `mlpm grade` grade a class robustly, in isolation, and keep the instructor's work?

One batch grades a fixture per mistake (named by the mistake, built in code from the module 01
exercise); the tests then read its grades, gradebook, feedback and report. Limits are small
(10 s per cell, 60 s per notebook, 1.5 GB) to keep the file well under two minutes.
"""

from __future__ import annotations

import copy
import csv
import html
import json
import re
import shutil
import sys
import zipfile

import pytest
from nbgrader.api import Gradebook

from known_wrong.m01_product_strategy import WRONG_ANSWERS
from mlpm.grading import gradebook as course_gradebook
from mlpm.grading.attempts import attempt, read, solution_answers, write
from mlpm.grading.autograde import Limits
from mlpm.grading.collect import collect
from mlpm.grading.course import cache_key, nbgrader_cells, prepare_course
from mlpm.grading.grade import grade, scripts_on_path
from mlpm.nbgrader_cli import run_nbgrader
from notebook_tools import ROOT

pytestmark = pytest.mark.nbgrader

SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"
LIMITS = Limits(cell_timeout=10, notebook_timeout=60, memory_mb=1536)
EXERCISE = read(ROOT / "exercises" / SLUG / NAME)
SOLVED = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
FULL_AUTO = 21.0

WRITES_OUTSIDE = """import pathlib
for folder in list(pathlib.Path.cwd().parents)[:7]:
    (folder / "written-by-a-student.txt").write_text("outside my folder")
    for database in folder.glob("*.db"):
        database.write_bytes(b"not a gradebook any more")
"""


def solved(**answers: str) -> dict:
    """The exercise answered with the solution, except the answers given (by grade_id)."""
    return attempt(EXERCISE, {**SOLVED, **answers})


def mistake(*names: str) -> dict:
    """The solved exercise with known-wrong answers from tests/known_wrong."""
    return solved(**{WRONG_ANSWERS[name][0]: WRONG_ANSWERS[name][1] for name in names})


def without_cell(notebook: dict, grade_id: str) -> dict:
    """A copy of a notebook with one cell deleted."""
    notebook = copy.deepcopy(notebook)
    notebook["cells"] = [c for c in notebook["cells"]
                         if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
    return notebook


def with_cell_source(notebook: dict, grade_id: str, text: str) -> dict:
    """A copy of a notebook with one cell's source replaced."""
    notebook = copy.deepcopy(notebook)
    nbgrader_cells(notebook)[grade_id]["source"] = text
    return notebook


def other_assignment() -> dict:
    """A notebook of another assignment that happens to use the same question ids."""
    notebook = copy.deepcopy(EXERCISE)
    for cell in nbgrader_cells(notebook).values():
        cell["source"] = "# module 99: another assignment\n"
        cell["metadata"]["nbgrader"]["checksum"] = "0" * 32
    return notebook


OVERWRITES_EVERY_DB_ABOVE = """import pathlib
for folder in list(pathlib.Path.cwd().parents)[:4]:
    for database in folder.rglob("*.db"):
        database.write_bytes(b"not a gradebook any more")
"""


PRINTS_WHERE_IT_RUNS = """import os
print("folder:", os.getcwd())
print("NBGRADER_EXECUTION:", os.environ.get("NBGRADER_EXECUTION"))
"""


def with_duplicated_cell(notebook: dict, grade_id: str) -> dict:
    """A copy of a notebook in which one cell appears twice, same cell id and grade_id (a copy-paste)."""
    notebook = copy.deepcopy(notebook)
    cells = notebook["cells"]
    index = next(i for i, c in enumerate(cells)
                 if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id)
    cells.insert(index + 1, copy.deepcopy(cells[index]))
    return notebook


FIXTURES = {
    "solved": solved(),
    "blank": EXERCISE,
    "infinite-loop": solved(q3_answer="while True:\n    pass"),
    "kernel-exits": solved(q1_answer="import os\nos._exit(1)"),
    "ignores-sigint": solved(q3_answer="import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
                                       "while True:\n    time.sleep(0.1)"),
    "huge-output": solved(q1_answer='print("spam " * 10_000_000)\nfor i in range(100_000):\n    print(i)\n'
                                    + SOLVED["q1_answer"]),
    "memory-bomb": solved(q3_answer="blocks = []\nwhile True:\n    blocks.append(bytearray(100 * 2**20))"),
    "deleted-test-cell": without_cell(solved(), "q3_test"),
    "edited-test-cell": with_cell_source(mistake("rice-multiplies-effort"), "q3_test", "pass"),
    "hard-coded-answers": mistake("opportunities-hard-coded", "rice-hard-coded", "capacity-hard-coded"),
    "rigged-eq": mistake("capacity-rigged-eq-object"),
    "writes-outside-folder": solved(q1_answer=WRITES_OUTSIDE + SOLVED["q1_answer"]),
    "other-assignment": other_assignment(),
    "risks-all-value-in-q8": mistake("risks-all-value"),
    "list-pairs-for-q9": solved(
        q9_answer=SOLVED["q9_answer"] + "\ndecisions = {u: list(p) for u, p in decisions.items()}"),
    "duplicated-answer-cell": with_duplicated_cell(solved(), "q3_answer"),
    "overwrites-every-db-above": solved(q1_answer=OVERWRITES_EVERY_DB_ABOVE + SOLVED["q1_answer"]),
    "not-an-exercise": {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
    "prints-where-it-runs": solved(q1_answer=PRINTS_WHERE_IT_RUNS + SOLVED["q1_answer"]),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade the whole fixture class in one batch into a temporary course; return the run's paths."""
    base = tmp_path_factory.mktemp("grade")
    course_root = base / "grading"
    course_root.mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course_root)
    folder = base / "class"
    for student, notebook in FIXTURES.items():
        write(notebook, folder / f"{student}_{NAME}")
    write(solved(), folder / "wrong-notebook-name_my-answers.ipynb")
    (folder / f"malformed-json_{NAME}").write_text('{"cells": [', encoding="utf-8")
    (folder / f"empty-file_{NAME}").write_text("", encoding="utf-8")
    (folder / "missing-notebook_essay.pdf").write_bytes(b"%PDF-1.4")
    scratch = base / "scratch"
    scratch.mkdir()
    run = grade(ROOT, SLUG, folder, base / "out", LIMITS, jobs=2, course_root=course_root,
                progress=False, scratch=scratch)
    return {"run": run, "rows": {r["student"]: r for r in run.rows}, "course_root": course_root,
            "base": base, "results": {r.student: r for r in run.results}}


def test_solved_submission_gets_every_automatic_point(graded):
    """Does a correct submission score all automatic points, with the written answer left for the instructor?"""
    row = graded["rows"]["solved"]
    assert (row["status"], row["total"], row["q10_answer"]) == ("ok", FULL_AUTO, "")
    assert row["needs_manual_grading"] == "q10_answer"


def test_blank_submission_scores_zero(graded):
    """Does an untouched exercise score zero (a real zero: it was graded)?"""
    assert (graded["rows"]["blank"]["status"], graded["rows"]["blank"]["total"]) == ("ok", 0.0)


@pytest.mark.parametrize("student, status", [
    ("malformed-json", "malformed_notebook"),
    ("empty-file", "empty_file"),
    ("other-assignment", "other_assignment"),
    ("not-an-exercise", "wrong_notebook"),
    ("missing-notebook", "missing_notebook"),
    ("kernel-exits", "kernel_died"),
    ("ignores-sigint", "timeout"),
    ("overwrites-every-db-above", "tampered_with_grading"),
])
def test_ungradable_submission_gets_a_status_not_a_zero(graded, student, status):
    """Is a submission that cannot be graded reported with a status and a reason, and no total?"""
    row = graded["rows"][student]
    assert row["status"] == status, row["notes"]
    assert row["total"] == "" and row["notes"]


def test_notebook_under_another_name_is_graded_with_a_note(graded):
    """Is a right notebook handed in under another file name graded, and the renaming noted?"""
    row = graded["rows"]["wrong-notebook-name"]
    assert (row["status"], row["total"]) == ("ok", FULL_AUTO)
    assert "my-answers.ipynb" in row["notes"]


@pytest.mark.parametrize("student, lost, note", [
    ("infinite-loop", {"q3_test"}, "time limit"),
    ("memory-bomb", {"q3_test"}, "out of memory"),
    ("edited-test-cell", {"q3_test"}, "q3_test differs from the assignment's"),
    ("hard-coded-answers", {"q1_test", "q3_test", "q7_test"}, ""),
    ("rigged-eq", {"q7_test"}, ""),
    ("risks-all-value-in-q8", {"q8_test"}, ""),
    ("duplicated-answer-cell", set(), "q3_answer appears more than once"),
])
def test_answer_loses_exactly_the_points_it_should(graded, student, lost, note):
    """Do limits, restored test cells and hidden tests cost exactly the affected questions, and once only?

    q4 ranks with q3's RICE scores: it is graded with a correct ``rice_scores``, so a broken q3 costs once.
    """
    row = graded["rows"][student]
    course = {cell.grade_id: cell.points for cell in prepare_course_cells()}
    assert row["status"] == "ok", row["notes"]
    assert {gid for gid, points in course.items() if gid != "q10_answer" and row[gid] < points} == lost
    assert note in row["notes"]


def prepare_course_cells():
    """The assignment's graded cells (grade_id, points), from the released notebook."""
    from mlpm.grading.course import GradeCell
    return [GradeCell(gid, float(c["metadata"]["nbgrader"]["points"]), c["cell_type"] == "code")
            for gid, c in nbgrader_cells(EXERCISE).items() if c["metadata"]["nbgrader"].get("grade")]


def test_partial_credit_reaches_gradebook_csv_report_and_feedback(graded):
    """Does a partly wrong q8 cost a share of its points in the gradebook, grades.csv and the feedback page?"""
    row = graded["rows"]["risks-all-value-in-q8"]
    assert 0 < row["q8_test"] < 2 and row["total"] == FULL_AUTO - 2 + row["q8_test"]
    with Gradebook(course_gradebook.db_url(graded["course_root"])) as gradebook:
        assert gradebook.find_submission(SLUG, "risks-all-value-in-q8").score == row["total"]
    with graded["run"].grades_csv.open(encoding="utf-8") as handle:
        csv_row = next(r for r in csv.DictReader(handle) if r["student"] == "risks-all-value-in-q8")
    assert float(csv_row["q8_test"]) == row["q8_test"]
    page = (graded["run"].feedback_dir / "risks-all-value-in-q8.html").read_text(encoding="utf-8")
    assert f"{row['q8_test']:g} / 2" in page and "Q8 · The four product risks" in page
    assert "✗ Question 8:" in html.unescape(page)


def test_correct_answer_in_another_style_keeps_its_points(graded):
    """Does a dict of [option, reason] lists, where the prompt says pairs, keep q9's points?"""
    assert graded["rows"]["list-pairs-for-q9"]["q9_test"] == 3


def test_feedback_table_renders_quotes_once(graded):
    """Does a message that quotes a key show it as text, not as a double-escaped entity?"""
    page = (graded["run"].feedback_dir / "risks-all-value-in-q8.html").read_text(encoding="utf-8")
    assert "&amp;#x27;" not in page and "&amp;#39;" not in page
    assert "<code>risk_tags</code>" in page


def test_deleted_test_cell_is_added_back_and_run(graded):
    """Is a deleted test cell re-added and run, so a correct answer still earns its points?"""
    row = graded["rows"]["deleted-test-cell"]
    assert (row["status"], row["q3_test"], row["total"]) == ("ok", 2.0, FULL_AUTO)
    assert "q3_test was deleted" in row["notes"]


def test_huge_output_is_graded_and_trimmed(graded):
    """Does a cell printing megabytes still get graded, with a feedback page of normal size?"""
    row = graded["rows"]["huge-output"]
    assert (row["status"], row["total"]) == ("ok", FULL_AUTO)
    assert (graded["run"].feedback_dir / "huge-output.html").stat().st_size < 2_000_000


def test_writing_outside_its_folder_harms_no_one(graded):
    """Does code that writes into the folders above it leave its own grade, others' and the gradebook intact?"""
    assert (graded["rows"]["writes-outside-folder"]["status"], graded["rows"]["writes-outside-folder"]["total"]) == (
        "ok", FULL_AUTO)
    assert (graded["base"] / "scratch" / "written-by-a-student.txt").exists(), "the fixture did not run"
    with Gradebook(course_gradebook.db_url(graded["course_root"])) as gradebook:
        assert gradebook.find_submission(SLUG, "solved").score == FULL_AUTO


def test_notebook_runs_in_its_autograded_folder_as_under_plain_nbgrader(graded):
    """Does a notebook run in its own autograded folder, with nbgrader's NBGRADER_EXECUTION set?

    The kernel is started before nbgrader reaches its Execute step (mlpm.grading.early_kernel).
    """
    row = graded["rows"]["prints-where-it-runs"]
    assert (row["status"], row["total"]) == ("ok", FULL_AUTO)
    page = html.unescape((graded["run"].feedback_dir / "prints-where-it-runs.html").read_text(encoding="utf-8"))
    assert re.search(rf"folder: /\S+/autograded/prints-where-it-runs/{SLUG}\n", page), "not run in its folder"
    assert "NBGRADER_EXECUTION: autograde\n" in page


def test_gradebook_holds_every_graded_student_only(graded):
    """Does the course gradebook receive each graded submission once, and nothing for the ungradable?"""
    graded_ok = {s for s, row in graded["rows"].items() if row["status"] == "ok"}
    with Gradebook(course_gradebook.db_url(graded["course_root"])) as gradebook:
        in_gradebook = {s.student.id for s in gradebook.assignment_submissions(SLUG)}
    assert in_gradebook == graded_ok
    for student in graded_ok:
        assert (graded["course_root"] / "autograded" / student / SLUG / NAME).exists()


def test_grades_csv_has_one_row_per_student(graded):
    """Does grades.csv list every student once, with total, points per question and status?"""
    with graded["run"].grades_csv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["student"] for r in rows) == sorted(graded["rows"])
    assert {"status", "total", "q1_test", "q10_answer", "notes"} <= set(rows[0])


def _hidden_lines() -> list[str]:
    """Lines of hidden tests and mark schemes found neither in the student version nor in the solution's answers."""
    visible = json.dumps(EXERCISE) + json.dumps(SOLVED)
    lines = []
    for cell in read(ROOT / "solutions" / SLUG / NAME)["cells"]:
        text = "".join(cell["source"])
        for begin, end in (("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
                           ("=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ===")):
            for part in text.split(begin)[1:]:
                lines += [line.strip() for line in part.split(end)[0].splitlines()
                          if len(line.strip()) > 20 and json.dumps(line.strip())[1:-1] not in visible]
    return lines


@pytest.mark.parametrize("student, failure", [
    ("blank", "Question 1 is not answered yet"),
    ("edited-test-cell", "✗ Question 3:"),
    ("hard-coded-answers", "✗ Question 1:"),
])
def test_feedback_keeps_results_but_hides_hidden_tests_and_mark_scheme(graded, student, failure):
    """Does the feedback page show which checks failed and why, without hidden tests' source or the mark scheme?"""
    page = html.unescape(re.sub(r"<[^>]+>", "", (graded["run"].feedback_dir / f"{student}.html").read_text()))
    hidden = _hidden_lines()
    assert hidden and not [line for line in hidden if line in page]
    assert "MARK SCHEME" not in page and "HIDDEN TESTS" not in page
    assert failure in page


def test_plain_nbgrader_feedback_hides_hidden_tests_too(graded):
    """Does `nbgrader generate_feedback` with the course's config keep hidden tests and mark schemes out?"""
    run_nbgrader(["generate_feedback", SLUG, "--student", "hard-coded-answers", "--force"], graded["course_root"])
    [page_file] = (graded["course_root"] / "feedback" / "hard-coded-answers" / SLUG).glob("*.html")
    page = html.unescape(re.sub(r"<[^>]+>", "", page_file.read_text(encoding="utf-8")))
    assert not [line for line in _hidden_lines() if line in page]
    assert "✗ Question 1:" in page, "the failing checks' messages are gone"
    assert "checks/core.py" not in page, "a traceback (which quotes the test cell) is still there"


def test_report_has_figures_and_common_failures(graded):
    """Does the class report show the distribution, the heatmap and the most common failing checks?"""
    report = graded["run"].report.read_text(encoding="utf-8")
    for figure in ("score-distribution.png", "question-heatmap.png"):
        assert f"]({figure})" in report and (graded["run"].report.parent / figure).stat().st_size > 5000
    assert "## Most common failing checks" in report and "| Q3 · RICE scores |" in report
    failing = report.split("## Most common failing checks")[1].split("## Submissions")[0]
    assert "not defined yet" not in failing and "NotImplementedError" not in failing, "blanks counted as mistakes"
    assert re.search(r"\| Q1 · Size the opportunities \| 2 \| \d+% \| \d+ of \d+ \| 1 \|", report), (
        "the blank's q1 is not counted")
    page = (graded["run"].report.parent / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") == 2 and "<table>" in page


def test_common_failures_group_other_labels_but_keep_fixed_wording():
    """Does the report count one mistake made on different labels once, with "…" only where the labels
    differ, and keep wording every learner sees (a label all of them got, a key in the message) intact?"""
    from mlpm.grading.autograde import Result
    from mlpm.grading.report import common_failures

    def failed(student: str, *messages: str) -> Result:
        return Result(student, "ok", failures=[("q2_test", message) for message in messages])

    same = "'ML lead' counts as both Accountable and Responsible."
    differ = "stakeholder_map(other stakeholders)['{}'] has the wrong quadrant."
    results = [failed("ada", same, differ.format("Finance")), failed("bo", same, differ.format("Ops")),
               failed("cy", same)]
    assert common_failures(results) == [
        ("q2_test", same, 3),
        ("q2_test", "stakeholder_map(other stakeholders)[…] has the wrong quadrant.", 2),
    ]


def test_feedback_says_who_gave_a_written_answers_points_and_has_a_real_title(tmp_path):
    """Is a blank written answer that nbgrader zeroed on its own not "graded by your instructor" (one the
    instructor graded is), and is the page titled for the student and module, not "Notebook"?"""
    import nbformat

    from mlpm.grading.autograde import Result
    from mlpm.grading.course import Course, GradeCell
    from mlpm.grading.feedback import write_feedback

    course = Course(tmp_path, SLUG, "ex.ipynb", [GradeCell("q1_test", 2.0, True), GradeCell("q2_answer", 4.0, False)],
                    titles={"q1_test": "Q1 · Size the opportunities", "q2_answer": "Q2 · The problem statement"})
    autograded = tmp_path / "ex.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("my work")]), autograded)
    result = Result("ada", "ok", scores={"q1_test": 2.0, "q2_answer": 0.0}, autograded=autograded)

    zeroed = write_feedback(course, result, {}, tmp_path / "zeroed.html").read_text(encoding="utf-8")
    graded = write_feedback(course, result, {"q2_answer": 3.0}, tmp_path / "graded.html").read_text(encoding="utf-8")
    assert "graded by your instructor" not in zeroed and "left blank: 0 points, given automatically" in zeroed
    assert "graded by your instructor" in graded and "3 / 4" in graded
    assert f"<title>Feedback for ada · {SLUG}</title>" in zeroed


def test_heatmap_labels_keep_whole_question_titles():
    """Are the heatmap's question titles wrapped onto lines, every word kept, rather than cut off?"""
    from mlpm.grading.report import _wrapped

    title = "Q9 · GenAI API or a core ML team?"
    assert _wrapped(title).split() == title.split() and "…" not in _wrapped(title)
    assert max(len(line) for line in _wrapped(title).splitlines()) <= 13


def test_report_lists_blank_and_repaired_submissions_but_not_renamed_files(graded):
    """Does 'need a look' name the blank notebook and the repaired ones, and leave out a file merely renamed?"""
    looks = graded["run"].report.read_text(encoding="utf-8").split("## Submissions that need a look")[1]
    assert "| blank | ok | blank:" in looks and "| deleted-test-cell |" in looks
    assert "| wrong-notebook-name |" not in looks


def test_regrading_keeps_manual_grades_and_totals(tmp_path):
    """Does grading again give the same totals and keep a manual grade entered in formgrader?"""
    course_root = tmp_path / "grading"
    course_root.mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course_root)
    folder = tmp_path / "class"
    write(solved(q10_answer="Substitutions drive churn."), folder / f"ana_{NAME}")
    write(mistake("rice-hard-coded"), folder / f"ben_{NAME}")
    first = grade(ROOT, SLUG, folder, tmp_path / "out", LIMITS, course_root=course_root, progress=False)
    with Gradebook(course_gradebook.db_url(course_root)) as gradebook:
        grade_row = gradebook.find_grade("q10_answer", NAME[:-6], SLUG, "ana")
        grade_row.manual_score = 3.5
        gradebook.db.commit()
    second = grade(ROOT, SLUG, folder, tmp_path / "out", LIMITS, course_root=course_root, progress=False)
    totals = {r["student"]: r["total"] for r in first.rows}
    ben = round(FULL_AUTO - 2 * 5.5 / 6, 2)  # q3 (2 points): checks of weight 0.5 of 6 pass, the hard-coded ones
    assert totals == {"ana": FULL_AUTO, "ben": ben}
    assert {r["student"]: r["total"] for r in second.rows} == {"ana": FULL_AUTO + 3.5, "ben": ben}
    with Gradebook(course_gradebook.db_url(course_root)) as gradebook:
        kept = gradebook.find_grade("q10_answer", NAME[:-6], SLUG, "ana")
        assert (kept.manual_score, kept.needs_manual_grade) == (3.5, False)
        assert gradebook.find_submission(SLUG, "ana").score == FULL_AUTO + 3.5


def test_grading_the_course_own_submitted_folder_keeps_the_submissions(tmp_path):
    """Does `mlpm grade` on the course's own submitted/ (where nbgrader collect puts them) grade and keep them?"""
    course_root = tmp_path / "grading"
    course_root.mkdir()
    shutil.copy(ROOT / "grading" / "nbgrader_config.py", course_root)
    submitted = course_root / "submitted" / "ana" / SLUG / NAME
    write(solved(), submitted)
    run = grade(ROOT, SLUG, course_root / "submitted", tmp_path / "out", LIMITS, course_root=course_root,
                progress=False)
    assert [r["total"] for r in run.rows] == [FULL_AUTO]
    assert read(submitted) == solved()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A prepared private course of module 01 (for reading submissions without grading them)."""
    scripts_on_path()
    return prepare_course(ROOT / "solutions" / SLUG, SLUG, tmp_path_factory.mktemp("course"))


def test_reads_nbgrader_submitted_layout(course, tmp_path):
    """Does collect read nbgrader's submitted/<student>/<assignment>/ layout, with folder names as ids?"""
    for student in ("s_1", "s2"):
        write(EXERCISE, tmp_path / "submitted" / student / SLUG / NAME)
    found = collect(tmp_path, course)
    assert [(s.student, s.status) for s in found] == [("s2", "ok"), ("s_1", "ok")]


def test_reads_lms_zip_with_a_folder_per_student(course, tmp_path):
    """Does collect read a zip with one folder per student (Moodle style), ids before the first underscore?"""
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr(f"course-export/Jo Li_123_assignsubmission_file_/{NAME}", json.dumps(EXERCISE))
        handle.writestr("course-export/__MACOSX/._x", "junk")
        handle.writestr(f"course-export/kim_456_assignsubmission_file_/sub/{NAME}", json.dumps(EXERCISE))
    found = collect(archive, course, scratch=tmp_path)
    assert [(s.student, s.status) for s in found] == [("Jo-Li", "ok"), ("kim", "ok")]


def test_generated_course_is_cached_and_a_changed_source_is_not(tmp_path):
    """Is a generated course reused from the cache as it was, and does any source change miss the cache?"""
    scripts_on_path()
    source, cache = ROOT / "solutions" / SLUG, tmp_path / "cache"
    first = prepare_course(source, SLUG, tmp_path / "first", cache=cache)
    second = prepare_course(source, SLUG, tmp_path / "second", cache=cache)
    assert [p.name for p in cache.iterdir()] == [cache_key(source, SLUG)]
    assert not (tmp_path / "second" / "generate.log").exists(), "the second course was generated again"
    assert (second.grade_cells, second.released) == (first.grade_cells, first.released)
    assert second.gradebook.read_bytes() == first.gradebook.read_bytes()
    changed = tmp_path / "changed"
    shutil.copytree(source, changed)
    (changed / NAME).write_text((source / NAME).read_text(encoding="utf-8").replace("Larder", "Lardre", 1),
                                encoding="utf-8")
    assert cache_key(changed, SLUG) != cache_key(source, SLUG)


def test_demo_class_is_up_to_date():
    """Does grading/make_demo_class.py reproduce every file of the committed demo class zip?"""
    sys.path.insert(0, str(ROOT / "grading"))
    import make_demo_class

    with zipfile.ZipFile(ROOT / "grading" / "demo-class.zip") as archive:
        committed = {name.removeprefix("demo-class/"): archive.read(name).decode("utf-8")
                     for name in archive.namelist()}
    assert committed == make_demo_class.submissions(), "grading/demo-class.zip is stale: run grading/make_demo_class.py"
