"""A printable one-page handout per module, ``facilitator/handouts/NN-slug.html``, from the lesson.

It holds the objectives (front matter), the pinned formulas and conventions (the lesson's paragraphs that
pin a rule, state "our convention" or "our bar", give a formula in a quote or in display maths, with the
list a pinning sentence introduces) and the key points. Print CSS fits A4 and Letter.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mlpm.facilitator.lesson import Lesson, cell_text
from mlpm.facilitator.render import markdown, page
from mlpm.modules import Module

_PINS = re.compile(r"\bpin(?:ned)?\b|\bour (?:convention|bar|rule)\b|^> \*\*[^*\n]*[=×÷]|\$\$", re.I | re.M)
_FORMULA = re.compile(r"\*\*[^*\n]*\s[=≥≤÷]\s[^*\n]*\*\*")
# A handout with more text than this prints in the smaller "dense" type, to stay on one page.
DENSE_ABOVE_CHARACTERS = 4700
_CLOSING = re.compile(r"^## (Key points|Further reading|What next)", re.M)

STYLE = """
@page{margin:8mm 11mm}
*{box-sizing:border-box}
body{font:8.8pt/1.25 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;max-width:186mm;
 margin:8mm auto}
h1{font-size:15pt;margin:0 0 1mm;color:#143d66}
h2{font-size:11pt;margin:3mm 0 1mm;color:#143d66;border-bottom:1.5pt solid #e0a526}
.meta{color:#5b6475;margin:0 0 2mm}
ul{margin:0;padding-left:5mm}
li,p{margin:0 0 1mm}
.pins{column-count:2;column-gap:5mm;font-size:8pt}
.pins>div{break-inside:avoid;margin-bottom:1.5mm}
blockquote{margin:0;padding:0 2mm;border-left:2pt solid #e0a526}
table{border-collapse:collapse;font-size:8pt}
th,td{border:.5pt solid #c9ced8;padding:0 1.5mm;text-align:left}
code,.math{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
.dense{font-size:8pt;line-height:1.2}
.dense .pins,.dense table{font-size:7.3pt}
footer{margin-top:3mm;font-size:7.5pt;color:#5b6475}
@media print{body{margin:0}}
"""


def _blocks(text: str) -> list[str]:
    """A markdown text's blocks: paragraphs, lists and display maths, split at blank lines outside $$."""
    blocks, current, in_math = [], [], False
    for line in text.splitlines():
        if line.strip() == "$$":
            in_math = not in_math
        if not line.strip() and not in_math:
            if current:
                blocks.append("\n".join(current))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _pinning(block: str) -> str:
    """The sentences of a paragraph that pin something (a list, quote or display maths is kept whole)."""
    if re.match(r"\s*(- |\d+\. |> |\$\$|\|)", block):
        return block
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z*(])", " ".join(block.split()))
    return " ".join(s for s in sentences if _PINS.search(s) or _FORMULA.search(s))


def pins(path: Path) -> list[str]:
    """The lesson's sentences that pin a formula or convention, each with the list or maths it introduces."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    blocks = [b for cell in cells[1:] if cell["cell_type"] == "markdown" and not _CLOSING.search(cell_text(cell))
              for b in _blocks(cell_text(cell)) if not b.lstrip().startswith("#")]
    chosen: list[str] = []
    for index, block in enumerate(blocks):
        text = _pinning(block) if (_PINS.search(block) or _FORMULA.search(block)) else ""
        if not text or any(text in earlier for earlier in chosen):
            continue
        if text.rstrip().endswith(":") and index + 1 < len(blocks):
            following = blocks[index + 1]
            text = text + "\n\n" + following if re.match(r"\s*(- |\d+\. |\$\$)", following) else text[:-1] + "."
        chosen.append(text)
    return chosen


def handout_html(root: Path, module: Module, lesson: Lesson) -> str:
    """One module's printable handout."""
    objectives = "".join(f"<li>{html.escape(o)}</li>" for o in module.objectives)
    pinned = "".join(f"<div>{markdown(block)}</div>" for block in pins(root / "notebooks" / f"{module.slug}.ipynb"))
    points = "".join(f"<li>{markdown(p).strip().removeprefix('<p>').removesuffix('</p>')}</li>"
                     for p in lesson.key_points)
    body = (f"<h1>{html.escape(module.title)}</h1>"
            f'<p class="meta">Module {module.slug} · teach {module.teach_minutes} min · practise '
            f"{module.practise_minutes} min</p>"
            f"<h2>You will be able to</h2><ul>{objectives}</ul>"
            + (f'<h2>Pinned formulas and conventions</h2><div class="pins">{pinned}</div>' if pinned else "")
            + (f"<h2>Key points</h2><ul>{points}</ul>" if points else "")
            + f"<footer>From the lesson notebooks/{module.slug}.ipynb, where every rule is explained and "
              "worked on Larder's data.</footer>")
    if len(re.sub(r"<[^>]+>", "", body)) > DENSE_ABOVE_CHARACTERS:
        body = f'<div class="dense">{body}</div>'
    return page(f"Handout · {module.slug} · {module.title}", STYLE, body)
