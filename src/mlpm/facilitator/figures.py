"""The one figure of each deck: the plot that carries the module's lesson, drawn by the lesson's own code.

A lesson tags the code cell that draws it ``slide-figure``. ``mlpm build`` runs the lesson's code cells up to
that one (each lesson in a process of its own, matplotlib's Agg backend, an empty working directory, magics
left out) and saves the figure as ``facilitator/figures/NN-slug.png``; the deck embeds that file on a slide of
its own after the cell's section (:mod:`.slides`).

Drawing runs a lesson's code, seconds to minutes, so each PNG carries the key of what it was drawn from (the
code cells up to the figure, the committed datasets and matplotlib's version, :func:`source_key`) and
``mlpm build`` redraws only a figure whose key changed. A test compares every key with the checkout's and draws
one figure again to compare the bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from mlpm.facilitator.lesson import cell_text
from mlpm.resources import usable_cpus

TAG = "slide-figure"
DPI = 100
FOLDER = Path("facilitator/figures")


def figure_cell(lesson: Path) -> int | None:
    """Index of the lesson's code cell tagged ``slide-figure``, or None."""
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    tagged = [i for i, c in enumerate(cells) if TAG in c.get("metadata", {}).get("tags", [])]
    if len(tagged) > 1:
        raise ValueError(f"{lesson.name}: more than one cell is tagged {TAG}")
    return tagged[0] if tagged else None


def source_key(root: Path, lesson: Path) -> str | None:
    """What a lesson's figure is drawn from, as a hash: its code cells up to the tagged one, every committed
    dataset and matplotlib's version; None if no cell is tagged."""
    import matplotlib

    index = figure_cell(lesson)
    if index is None:
        return None
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"][: index + 1]
    digest = hashlib.sha256(matplotlib.__version__.encode())
    for cell in cells:
        if cell["cell_type"] == "code":
            digest.update(cell_text(cell).encode())
    for csv in sorted((root / "datasets").glob("*.csv")):
        digest.update(csv.name.encode() + csv.read_bytes())
    return digest.hexdigest()


def stored_key(png: Path) -> str | None:
    """The source key a committed figure was drawn from, or None."""
    from PIL import Image

    if not png.is_file():
        return None
    with Image.open(png) as image:
        return image.info.get("Source")


def draw(lesson: Path, key: str = "") -> bytes | None:
    """PNG bytes of the figure the lesson's ``slide-figure`` cell draws (``key`` stored as its Source), or None
    if no cell is tagged.

    Runs the code cells up to and including that one in a fresh namespace, from an empty working directory.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    index = figure_cell(lesson)
    if index is None:
        return None
    cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {"__name__": "__lesson__", "display": lambda *args, **kwargs: None}
    plt.close("all")
    here = Path.cwd()
    with (matplotlib.rc_context(), tempfile.TemporaryDirectory(prefix="mlpm-figure-") as cwd,
          contextlib.redirect_stdout(io.StringIO())):
        plt.rcdefaults()  # the same style whichever process draws, restored afterwards
        os.chdir(cwd)
        try:
            for number, cell in enumerate(cells[: index + 1]):
                if cell["cell_type"] == "code":
                    code = "\n".join(line for line in cell_text(cell).splitlines()
                                     if not line.lstrip().startswith(("%", "!")))
                    exec(compile(code, f"{lesson.name}[{number}]", "exec"), namespace)
        finally:
            os.chdir(here)
        if not plt.get_fignums():
            raise ValueError(f"{lesson.name}: the cell tagged {TAG} draws no figure")
        buffer = io.BytesIO()
        plt.gcf().savefig(buffer, format="png", dpi=DPI, bbox_inches="tight",
                          metadata={"Software": None, "Source": key})
        plt.close("all")
    return buffer.getvalue()


def write_all(root: Path) -> tuple[list[str], list[str]]:
    """Draw into ``facilitator/figures/`` every lesson's figure whose source key changed (in parallel
    processes), remove figures of lessons that have none; return (drawn, unchanged) slugs."""
    folder = root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    keys = {p.stem: source_key(root, p) for p in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))}
    keys = {slug: key for slug, key in keys.items() if key}
    for stale in folder.glob("*.png"):
        if stale.stem not in keys:
            stale.unlink()
    todo = [slug for slug, key in keys.items() if stored_key(folder / f"{slug}.png") != key]
    if todo:
        with ProcessPoolExecutor(max_workers=max(1, min(usable_cpus(), len(todo))),
                                 mp_context=get_context("spawn")) as pool:
            lessons = [root / "notebooks" / f"{slug}.ipynb" for slug in todo]
            for slug, png in zip(todo, pool.map(draw, lessons, [keys[s] for s in todo]), strict=True):
                (folder / f"{slug}.png").write_bytes(png)
    return todo, sorted(set(keys) - set(todo))


def committed(root: Path, slug: str) -> bytes | None:
    """The figure ``mlpm build`` wrote for a module, or None."""
    path = root / FOLDER / f"{slug}.png"
    return path.read_bytes() if path.is_file() else None
