"""nbgrader course for mlpm-workshop: `grading/` is the course root.

Authored notebooks live in ../solutions (nbgrader's "source") and the generated student
versions in ../exercises (nbgrader's "release"). Run nbgrader from this folder, e.g.
`cd grading && nbgrader generate_assignment 01-product-strategy --force`.
"""

from pathlib import Path

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

here = Path(__file__).resolve().parent
c.CourseDirectory.root = str(here)
c.CourseDirectory.source_directory = "../solutions"
c.CourseDirectory.release_directory = "../exercises"
c.CourseDirectory.db_url = f"sqlite:///{here / 'gradebook.db'}"

# Mark schemes sit in locked markdown cells next to each written answer; they are removed
# from the student version but kept in the gradebook, so formgrader shows them to graders.
c.ClearMarkScheme.enforce_metadata = False

# Feedback from plain `nbgrader generate_feedback` must not show hidden tests' source, in the
# cell or quoted by a traceback, nor the mark schemes; pass/fail and messages stay.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "mlpm.grading.feedback.CutTestTracebacks",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Plain `nbgrader autograde` grades as `mlpm grade` does: a cell may run for 60 s (07 Q6 tries
# about 1,550 policies; nbgrader's default is 30 s), and kernels talk over IPC sockets, not TCP
# ports that parallel runs can collide on. nbgrader's own Execute step ignores a configured kernel
# manager, so mlpm's takes its place; the other steps are nbgrader 0.9's defaults.
c.Execute.timeout = 60
c.Autograde.autograde_preprocessors = [
    "mlpm.grading.early_kernel.Execute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
