"""`mlpm build`: regenerate what is generated from an authored source.

``exercises/`` comes from ``solutions/`` through nbgrader, ``datasets/*.csv`` from the
seeded generators, the README's module table from the lessons' front matter, and the
facilitator's kit (``facilitator/``: agenda, notes, slides, handouts) from the lessons, solutions,
known-wrong answers and the authored ``facilitator/source/``; each deck's figure is drawn by its lesson's code
(:mod:`mlpm.facilitator.figures`).
"""

from __future__ import annotations

from pathlib import Path

from mlpm import datasets, facilitator, modules
from mlpm.facilitator import figures
from mlpm.nbgrader_cli import run_nbgrader


def assignments(root: Path) -> list[str]:
    """Return the slugs of every assignment in ``solutions/``."""
    return sorted(p.name for p in (root / "solutions").iterdir() if p.is_dir() and p.name[:2].isdigit())


def build_exercises(root: Path) -> list[str]:
    """Regenerate ``exercises/`` from ``solutions/`` through the nbgrader course in ``grading/``."""
    built = assignments(root)
    for slug in built:
        run_nbgrader(["generate_assignment", slug, "--force"], root / "grading")
    return built


def build_readme(root: Path) -> None:
    """Rewrite the README's module table from the lessons and solutions."""
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(modules.render_readme(text, modules.discover(root)), encoding="utf-8")


def build_all(root: Path) -> None:
    """Regenerate datasets, exercises, the README table and the facilitator's kit, printing what was done."""
    written = datasets.write_all(root / "datasets")
    print(f"datasets: wrote {', '.join(p.name for p in written)}")
    built = build_exercises(root)
    print(f"exercises: regenerated {', '.join(built)}")
    build_readme(root)
    print("README.md: module table regenerated")
    drawn, unchanged = figures.write_all(root)
    print(f"facilitator/figures: drew {', '.join(drawn) or 'none'} ({len(unchanged)} unchanged)")
    written = facilitator.write_all(root)
    print(f"facilitator/: {len(written)} pages regenerated (agenda, notes, slides, handouts)")
