"""Slides from a lesson notebook: one self-contained HTML deck per module, ``facilitator/slides/NN-slug.html``.

The lesson is the one source. A slide starts at each of its ``##`` sections (a long section continues on
the next slide, split between cells); the title slide holds the front matter, and the setup, further
reading and what next sections are left out, and so is code before the first section or made only of
imports (setup). Code cells are shown (long ones cut, with the count of lines
left out), outputs are not: a cell that draws a figure says so, to run it in the notebook; the one figure
that carries the lesson (the cell tagged ``slide-figure``, drawn by :mod:`.figures`) follows its slide on a
slide of its own, embedded. The style, the figure and the keyboard navigation are inline, so the deck opens
offline. The talk track of the module's hand-written
notes rides along as speaker notes on each section's first slide, shown or hidden with the T key.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from mlpm.facilitator.authored import section_key, talk_track
from mlpm.facilitator.figures import TAG, committed
from mlpm.facilitator.lesson import cell_text
from mlpm.facilitator.render import markdown, page
from mlpm.modules import Module

LEFT_OUT = re.compile(r"^(setup|further reading|what next)\b", re.I)
BUDGET = 1100  # characters of markdown (a code line counts 45) before a section continues on a new slide
CODE_LINES = 14
_PLOT = re.compile(r"plt\.|\.plot\(|subplots\(")
_IMPORT_LINE = re.compile(r"\s*(import \S|from \S+ import |#|$)")

STYLE = """
*{box-sizing:border-box}
body{margin:0;font:20px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#e9ecf1}
.slide{display:none;width:100vw;height:100vh;padding:3.2vh 5vw 6vh;overflow:auto;background:#fff}
.slide.current{display:block}
.slide h1{font-size:1.9em;margin:.2em 0 .4em;color:#143d66}
.slide h2{font-size:1.45em;margin:0 0 .5em;color:#143d66;border-bottom:3px solid #e0a526;padding-bottom:.15em}
.slide h3{font-size:1.1em;margin:.6em 0 .3em}
.slide table{border-collapse:collapse;font-size:.8em;margin:.4em 0}
.slide th,.slide td{border:1px solid #c9ced8;padding:.2em .5em;text-align:left;vertical-align:top}
.slide blockquote{margin:.5em 0;padding:.3em 1em;border-left:5px solid #e0a526;background:#fff8e6}
.slide code{font:.85em/1.4 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;background:#f2f4f7;padding:0 .2em}
.slide pre{background:#f2f4f7;padding:.6em .9em;overflow:auto;font-size:.78em;border-radius:4px}
.slide pre code{background:none;padding:0}
.slide figure{margin:0;text-align:center}
.slide figure img{max-width:100%;max-height:74vh}
.slide figcaption{font-size:.7em;color:#5b6475}
.math{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}
.note{font-size:.75em;color:#5b6475;margin:.2em 0 .8em}
.meta{color:#5b6475}
#counter{position:fixed;right:1.2vw;bottom:1vh;font-size:.7em;color:#5b6475}
.notes{display:none}
body.show-notes .notes{display:block;position:fixed;left:0;right:0;bottom:0;max-height:38vh;overflow:auto;
 margin:0;padding:.6em 5vw 1.6em;font-size:.72em;background:#fff8e6;border-top:3px solid #e0a526}
@media print{
 body{background:#fff}
 .slide{display:block;width:auto;height:auto;overflow:visible;page-break-after:always;padding:1cm}
 #counter{display:none}
 body.show-notes .notes{position:static;max-height:none}
}
"""

SCRIPT = """
(function(){
  var slides=[].slice.call(document.querySelectorAll('section.slide'));
  var counter=document.getElementById('counter');
  var at=0;
  function show(n){
    at=Math.max(0,Math.min(slides.length-1,n));
    slides.forEach(function(s,i){s.classList.toggle('current',i===at);});
    counter.textContent=(at+1)+' / '+slides.length;
    if(location.hash!=='#'+(at+1)){history.replaceState(null,'','#'+(at+1));}
  }
  document.addEventListener('keydown',function(e){
    var k=e.key;
    if(k==='ArrowRight'||k==='PageDown'||k===' '||k==='n'){show(at+1);e.preventDefault();}
    else if(k==='ArrowLeft'||k==='PageUp'||k==='p'){show(at-1);e.preventDefault();}
    else if(k==='Home'){show(0);e.preventDefault();}
    else if(k==='End'){show(slides.length-1);e.preventDefault();}
    else if(k==='t'){document.body.classList.toggle('show-notes');}
  });
  document.addEventListener('click',function(e){
    if(e.target.closest('a,pre,table,.notes'))return;
    show(e.clientX>window.innerWidth/3?at+1:at-1);
  });
  show((parseInt(location.hash.slice(1),10)||1)-1);
  document.body.dataset.slides=String(slides.length);
})();
"""


def _parts(cells: list[dict]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The lesson after its front matter as (section heading, [(kind, text)]), split at ``##`` headings."""
    sections: list[tuple[str, list[tuple[str, str]]]] = [("", [])]
    for cell in cells[1:]:
        text = cell_text(cell)
        if cell["cell_type"] == "code":
            sections[-1][1].append(("code", text))
            if TAG in cell.get("metadata", {}).get("tags", []):
                sections[-1][1].append(("figure", ""))
            continue
        for index, piece in enumerate(re.split(r"^(?=## )", text, flags=re.M)):
            heading = re.match(r"## (.+)\n?", piece)
            if heading:
                sections.append((heading.group(1).strip(), [("md", piece[heading.end():])]))
            elif piece.strip():
                sections[-1][1].append(("md", piece))
            elif index == 0:
                continue
    return sections


def _notes(text: str) -> str:
    return f'<aside class="notes">{markdown(text)}</aside>' if text else ""


def _only_imports(code: str) -> bool:
    """Is a code cell setup: only imports, comments and blank lines?"""
    return all(_IMPORT_LINE.match(line) for line in code.splitlines())


def _code(text: str, shown_next: bool = False) -> str:
    lines = text.rstrip().splitlines()
    shown = "\n".join(lines[:CODE_LINES])
    cut = len(lines) - CODE_LINES
    more = f'<p class="note">… {cut} more line(s) in the notebook.</p>' if cut > 0 else ""
    plot = ('<p class="note">Draws the figure on the next slide.</p>' if shown_next else
            '<p class="note">Draws a figure: run this cell in the notebook to show it.</p>' if _PLOT.search(text)
            else "")
    return f"<pre><code>{html.escape(shown)}</code></pre>{more}{plot}"


def _figure(title: str, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<h2>{html.escape(title)}</h2><figure><img src="data:image/png;base64,{data}" '
            f'alt="{html.escape(title)}: the figure the lesson draws here"><figcaption>Drawn by the lesson\'s '
            "own code when the kit was built (<code>mlpm build</code>); run the cell in the notebook to draw it "
            "live.</figcaption></figure>")


def _size(kind: str, text: str) -> int:
    return min(len(text.splitlines()), CODE_LINES) * 45 if kind == "code" else len(text)


def slides(path: Path, module: Module, notes: tuple[str, dict[str, str]] = ("", {}),
           figure: bytes | None = None) -> list[tuple[str, str]]:
    """The deck's slides as (title, inner HTML), in order; ``notes`` (the talk track's opening and its entry
    per section) go on the title slide and each section's first slide as speaker notes; ``figure`` (PNG) on a
    slide of its own after the slide of the cell that draws it."""
    opening, by_section = notes
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    objectives = "".join(f"<li>{html.escape(o)}</li>" for o in module.objectives)
    deck = [(module.title, f"<h1>{html.escape(module.title)}</h1><p class=\"meta\">{module.slug} · teach "
                           f"{module.teach_minutes} min · practise {module.practise_minutes} min</p>"
                           f"<h3>Objectives</h3><ul>{objectives}</ul>" + _notes(opening))]
    for heading, items in _parts(cells):
        if LEFT_OUT.match(heading) or not any(text.strip() for _, text in items):
            continue
        title = heading or module.title
        chunks: list[list[tuple[str, str]]] = [[]]
        used = 0
        for kind, text in items:
            if kind == "figure" and figure and chunks[-1]:
                chunks[-1].append((kind, text))
                continue
            if not text.strip() or (kind == "code" and (not heading or _only_imports(text))):
                continue
            if chunks[-1] and used + _size(kind, text) > BUDGET:
                chunks.append([])
                used = 0
            chunks[-1].append((kind, text))
            used += _size(kind, text)
        for number, chunk in enumerate(chunks):
            shown = title + (" (continued)" if number else "")
            drawn = [i for i, (kind, _) in enumerate(chunk) if kind == "figure"]
            body = "".join(_code(text, i + 1 in drawn) if kind == "code" else markdown(text)
                           for i, (kind, text) in enumerate(chunk) if kind != "figure")
            if not number and heading:
                body += _notes(by_section.get(section_key(heading), ""))
            deck.append((shown, f"<h2>{html.escape(shown)}</h2>{body}"))
            if drawn:
                deck.append((f"{title} (figure)", _figure(f"{title} (figure)", figure)))
    return deck


def deck_html(root: Path, module: Module) -> str:
    """The self-contained HTML deck of one module."""
    sections = slides(root / "notebooks" / f"{module.slug}.ipynb", module, talk_track(root, module.slug),
                      committed(root, module.slug))
    body = "\n".join(f'<section class="slide" id="s{i}">{inner}</section>' for i, (_, inner) in
                     enumerate(sections, 1))
    return page(f"{module.slug} · {module.title}", STYLE, body + '\n<div id="counter"></div>', SCRIPT)
