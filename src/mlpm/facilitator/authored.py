"""The facilitator's authored notes, ``facilitator/source/NN-slug.md``: written by a person, not generated.

Each has ``## Talk track`` (a ``###`` entry per lesson section, matched by the section's number), ``## FAQ``,
``## Calibration`` (for modules with written questions), ``## Pair activity`` and optionally ``## Pacing`` and
``## Answer key``; ``## Pacing`` is required when the lesson has under :data:`SHORT_SECTIONS`
minutes per section. :func:`gaps` says what a module's notes still lack, so a new module or section is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlpm.facilitator.lesson import Lesson
from mlpm.modules import Module

SOURCE = Path("facilitator/source")
REQUIRED = ("Talk track", "FAQ", "Pair activity")
SHORT_SECTIONS = 5.5  # minutes per lesson section below which the notes must say what to cut or group


def authored(root: Path, slug: str) -> str:
    """The authored notes for ``slug`` without their title, or "" if not written yet."""
    path = root / SOURCE / f"{slug}.md"
    if not path.is_file():
        return ""
    return re.sub(r"\A# .*\n+", "", path.read_text(encoding="utf-8")).strip()


def _parts(text: str) -> dict[str, str]:
    return {m.group(1).strip(): m.group(2) for m in re.finditer(r"^## ([^\n]+)\n(.*?)(?=^## |\Z)", text, re.M | re.S)}


def section_key(heading: str) -> str:
    """How a talk-track entry is matched to a lesson section: its number, else its lower-cased heading."""
    number = re.match(r"\s*(\d+)\b", heading)
    return number.group(1) if number else heading.strip().lower()


def talk_track(root: Path, slug: str) -> tuple[str, dict[str, str]]:
    """The talk track's opening (before any section) and its entry per lesson section, keyed like
    :func:`section_key` (the section's number, else its lower-cased heading)."""
    track = _parts(authored(root, slug)).get("Talk track", "")
    pieces = re.split(r"^### (.+)\n", track, flags=re.M)
    entries = zip(pieces[1::2], pieces[2::2], strict=True)
    return pieces[0].strip(), {section_key(heading): body.strip() for heading, body in entries}


def gaps(root: Path, module: Module, lesson: Lesson) -> list[str]:
    """What the module's authored notes still lack, in words ([] when complete)."""
    text = authored(root, module.slug)
    if not text:
        return [f"everything: `{SOURCE}/{module.slug}.md` does not exist yet"]
    parts = _parts(text)
    required = REQUIRED + (("Calibration",) if module.manual_questions else ())
    missing = [f"the {name} part" for name in required if name not in parts]
    if lesson.sections and module.teach_minutes / len(lesson.sections) < SHORT_SECTIONS and "Pacing" not in parts:
        missing.append(f"a Pacing part ({len(lesson.sections)} sections in {module.teach_minutes} min: what to cut "
                       "or group)")
    track = {section_key(h) for h in re.findall(r"^### (.+)$", parts.get("Talk track", ""), re.M)}
    missing += [f"a talk track for section “{heading}”" for heading, _ in lesson.sections
                if "Talk track" in parts and section_key(heading) not in track]
    return missing
