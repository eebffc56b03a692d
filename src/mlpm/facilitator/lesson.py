"""What the kit reads from a lesson notebook: key points, sections (and which have a plot), pair activity."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

_PAIR = re.compile(r"\bpairs?\b|role[- ]?play|peer review", re.I)  # "Pair activity", "in pairs", "Role-play"
_AFTER = re.compile(r"peer review|after (?:the )?practi[cs]e", re.I)
_NUMBERS = {"five": 5, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
            "forty": 40, "forty-five": 45, "sixty": 60}
_MINUTES = re.compile(r"(\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
                      + r")[\s-]*min\w*(\W{0,3}(?:then swap|each way))?", re.I)
# headings that begin so are not sections (one that only contains them is: "8 · Data fluency: where the data lives")
NOT_A_SECTION = re.compile(r"^\s*(?:setup|the data|key points|further reading|what next)\b", re.I)
_PLOT = re.compile(r"plt\.|\.plot\(|subplots\(")


@dataclass(frozen=True)
class PairActivity:
    """A lesson's pair activity: its heading, the minutes its card states, and whether it reviews the
    practice (a peer review, or a card that says "after practice"), so it is scheduled after it."""

    heading: str
    minutes: int
    after_practice: bool = False


@dataclass(frozen=True)
class Lesson:
    """What an instructor needs from a lesson beyond its front matter."""

    key_points: tuple[str, ...]
    sections: tuple[tuple[str, bool], ...]  # (heading, has a plot)
    pair: PairActivity | None


def cell_text(cell: dict) -> str:
    """A notebook cell's source as one string."""
    return cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])


def bullets(text: str) -> tuple[str, ...]:
    """The top-level ``- `` items of a markdown list, each joined onto one line."""
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return tuple(items)


def _pair(heading: str, card: str) -> PairActivity:
    minutes = _MINUTES.search(heading + "\n" + card)
    length = 0
    if minutes:
        number = minutes.group(1).lower()
        length = (int(number) if number.isdigit() else _NUMBERS[number]) * (2 if minutes.group(2) else 1)
    return PairActivity(heading.strip(), length, bool(_AFTER.search(heading + "\n" + card)))


def read_lesson(path: Path) -> Lesson:
    """Read a lesson's key points, its numbered sections (and which have a plot) and its pair activity."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    key_points: tuple[str, ...] = ()
    sections: list[list] = []
    pair = None
    for cell in cells[1:]:
        text = cell_text(cell)
        if cell["cell_type"] == "code":
            if sections and _PLOT.search(text):
                sections[-1][1] = True
            continue
        for heading in re.findall(r"^##\s+(.+)$", text, flags=re.M):
            body = text.split(heading, 1)[1]
            if heading.strip().lower() == "key points":
                key_points = bullets(re.split(r"^#", body, flags=re.M)[0])
            elif _PAIR.search(heading):
                pair = _pair(heading, body)
            elif not NOT_A_SECTION.search(heading):
                sections.append([heading.strip(), False])
    return Lesson(key_points, tuple((h, p) for h, p in sections), pair)
