"""Regenerate grading/demo-class/: realistic attempts at module 01, as an LMS hands them over.

Run it after the module 01 exercises change: ``python grading/make_demo_class.py``. Files are
named ``<student>_<file name>.ipynb`` (Canvas "download submissions" layout) and carry no
outputs, like a student's file. Mistakes come from tests/known_wrong/m01_product_strategy.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mlpm.grading.attempts import attempt, read, solution_answers, write

ROOT = Path(__file__).resolve().parents[1]
SLUG = "01-product-strategy"
NAME = "01-strategy-exercises.ipynb"
sys.path.insert(0, str(ROOT / "tests"))
from known_wrong.m01_product_strategy import WRONG_ANSWERS  # noqa: E402

SHORT_ANSWER = (
    "Leadership asked for a churn model, but the problem is that subscribers leave when their items "
    "are substituted. Substitutions scored highest in our interviews and churn is about 10 % every four "
    "weeks. We will know it is solved when churn falls."
)


def _mistakes(*names: str) -> dict[str, str]:
    return {WRONG_ANSWERS[name][0]: WRONG_ANSWERS[name][1] for name in names}


def students(solved: dict[str, str]) -> dict[str, dict[str, str]]:
    """Student -> answers by grade_id (anything missing stays as handed out)."""
    first_five = {gid: code for gid, code in solved.items() if gid[:3] in {"q1_", "q2_", "q3_", "q4_", "q5_"}}
    return {
        "ada": solved,
        "bruno": {**first_five, "q10_answer": SHORT_ANSWER},
        "chen": {**solved, **_mistakes("rice-multiplies-effort", "rank-ascending", "release-greedy-by-rice"),
                 "q10_answer": SHORT_ANSWER},
        "dara": {**solved, **_mistakes("opportunities-hard-coded", "capacity-hard-coded", "risks-all-value")},
        "eli": {**solved, **_mistakes("okr-key-result-is-an-output", "quadrant-strictly-above-median",
                                      "genai-everywhere"), "q10_answer": SHORT_ANSWER},
        "fatima": {},
        "hana": {**solved, **_mistakes("capacity-share-of-effort", "okr-churn-baseline-made-up",
                                       "top-pain-point-by-mentions")},
    }


def build(target: Path) -> None:
    """Write the demo class into ``target``, replacing what was there."""
    shutil.rmtree(target, ignore_errors=True)
    exercise = read(ROOT / "exercises" / SLUG / NAME)
    solved = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
    for student, answers in students(solved).items():
        name = "strategy-final.ipynb" if student == "hana" else NAME  # renamed before upload
        write(attempt(exercise, answers), target / f"{student}_{name}")
    broken = (target / f"ada_{NAME}").read_text(encoding="utf-8")
    (target / f"gus_{NAME}").write_text(broken[: len(broken) // 2], encoding="utf-8")  # upload cut short


def main() -> None:
    """Regenerate grading/demo-class/."""
    target = ROOT / "grading" / "demo-class"
    build(target)
    print(f"wrote {len(list(target.iterdir()))} submissions to {target}")


if __name__ == "__main__":
    main()
