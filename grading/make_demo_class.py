"""Regenerate grading/demo-class.zip: realistic attempts at module 01, as an LMS hands them over.

Run it after the module 01 exercises change: ``python grading/make_demo_class.py``. The zip holds
one folder, ``demo-class/``, of files named ``<student>_<file name>.ipynb`` (Canvas "download
submissions" layout) with no outputs, like a student's file; one upload was cut short, so it is
not valid JSON (a zip keeps that broken file out of the repository's notebooks). Mistakes come
from tests/known_wrong/m01_product_strategy.py. The zip's bytes depend only on its content.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from mlpm.grading.attempts import attempt, read, solution_answers

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


def submissions() -> dict[str, str]:
    """File name -> text of every file in the demo class."""
    exercise = read(ROOT / "exercises" / SLUG / NAME)
    solved = solution_answers(read(ROOT / "solutions" / SLUG / NAME))
    files = {}
    for student, answers in students(solved).items():
        name = "strategy-final.ipynb" if student == "hana" else NAME  # renamed before upload
        files[f"{student}_{name}"] = json.dumps(attempt(exercise, answers), indent=1, ensure_ascii=False) + "\n"
    full = files[f"ada_{NAME}"]
    files[f"gus_{NAME}"] = full[: len(full) // 2]  # upload cut short
    return files


def build(target: Path) -> None:
    """Write the demo class as a zip at ``target``, replacing what was there."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(submissions().items()):
            member = zipfile.ZipInfo(f"demo-class/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, text.encode("utf-8"))


def main() -> None:
    """Regenerate grading/demo-class.zip."""
    target = ROOT / "grading" / "demo-class.zip"
    build(target)
    print(f"wrote {len(submissions())} submissions to {target}")


if __name__ == "__main__":
    main()
