"""The facilitator's authored notes, ``facilitator/source/NN-slug.md``: written by a person, not generated.

Each has ``## Talk track`` (a ``###`` entry per lesson section, matched by the section's number), ``## FAQ``,
``## Calibration`` (for modules with written questions), ``## Pair activity`` and optionally ``## Pacing`` and
``## Answer key``. :func:`gaps` says what a module's notes still lack, so a new module or section is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlpm.facilitator.lesson import Lesson
from mlpm.modules import Module

SOURCE = Path("facilitator/source")
REQUIRED = ("Talk track", "FAQ", "Pair activity")


def authored(root: Path, slug: str) -> str:
    """The authored notes for ``slug`` without their title, or "" if not written yet."""
    path = root / SOURCE / f"{slug}.md"
    if not path.is_file():
        return ""
    return re.sub(r"\A# .*\n+", "", path.read_text(encoding="utf-8")).strip()


def _parts(text: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"^## ([^\n]+)\n(.*?)(?=^## |\Z)", text, re.M | re.S)}


def _key(heading: str) -> str:
    number = re.match(r"\s*(\d+)\b", heading)
    return number.group(1) if number else heading.strip().lower()


def gaps(root: Path, module: Module, lesson: Lesson) -> list[str]:
    """What the module's authored notes still lack, in words ([] when complete)."""
    text = authored(root, module.slug)
    if not text:
        return [f"everything: `{SOURCE}/{module.slug}.md` does not exist yet"]
    parts = _parts(text)
    required = REQUIRED + (("Calibration",) if module.manual_questions else ())
    missing = [f"the {name} part" for name in required if name not in parts]
    track = {_key(h) for h in re.findall(r"^### (.+)$", parts.get("Talk track", ""), re.M)}
    missing += [f"a talk track for section “{heading}”" for heading, _ in lesson.sections
                if "Talk track" in parts and _key(heading) not in track]
    return missing
