"""The facilitator's kit, generated from the checkout by ``mlpm build`` into ``facilitator/``.

- ``agenda.md``: one-, two- and three-day agendas by pinned rules (:mod:`.agenda`); ``mlpm agenda`` prints it;
- ``notes/NN-slug.md``: per module, timing, key messages, the answer key, the common mistakes from the
  known-wrong fixtures (:mod:`.mistakes`) and the facilitator's authored notes from ``facilitator/source/``
  (:mod:`.notes`);
- ``slides/NN-slug.html``: the lesson as a self-contained deck that opens offline (:mod:`.slides`), with the
  one figure that carries the lesson, drawn by the lesson's own code into ``figures/NN-slug.png`` (:mod:`.figures`);
- ``handouts/NN-slug.html``: a printable page of objectives, pinned conventions and key points (:mod:`.handouts`).

A test regenerates everything and compares it with what is committed.
"""

from __future__ import annotations

from pathlib import Path

from mlpm.facilitator.agenda import (
    BUFFER,
    DAY_END,
    FORMATS,
    PRIORITY,
    SPLIT_FROM,
    Agenda,
    Block,
    capstone_needs,
    clock,
    is_capstone,
    lay_out,
    plan,
    render_agenda,
)
from mlpm.facilitator.authored import gaps
from mlpm.facilitator.handouts import handout_html
from mlpm.facilitator.lesson import Lesson, PairActivity, read_lesson
from mlpm.facilitator.notes import GENERATED, notes_page
from mlpm.facilitator.slides import deck_html
from mlpm.modules import (
    PACE_CAPSTONE,
    PACE_PER_AUTO_POINT,
    PACE_PER_QUESTION,
    PACE_PER_WRITTEN_POINT,
    PACE_STEP,
    PACE_TOLERANCE,
    Module,
    discover,
)

__all__ = ["BUFFER", "DAY_END", "FORMATS", "Agenda", "Block", "Lesson", "PairActivity", "agenda_page", "lay_out",
           "pages", "plan", "read_lesson", "write_all"]


def lessons_of(root: Path, modules: list[Module]) -> dict[str, Lesson]:
    """Each module's :class:`Lesson`, by slug."""
    return {m.slug: read_lesson(root / "notebooks" / f"{m.slug}.ipynb") for m in modules}


def agendas(root: Path, modules: list[Module], lessons: dict[str, Lesson]) -> list[Agenda]:
    """The one-, two- and three-day agendas."""
    capstone = next((m.slug for m in modules if is_capstone(m.slug)), None)
    needs = capstone_needs(root, capstone) if capstone else []
    return [plan(modules, lessons, days, needs) for days in FORMATS]


def agenda_page(root: Path) -> str:
    """The facilitator's agenda page: the rules, the three formats, the pair activities."""
    modules = discover(root)
    lessons = lessons_of(root, modules)
    total = sum(m.teach_minutes + m.practise_minutes for m in modules)
    pairs = [(m, lessons[m.slug].pair) for m in modules if lessons[m.slug].pair]
    lines = [
        "# Running the day: agenda", "", GENERATED, "",
        f"{len(modules)} modules, {total} minutes of teaching and practice, plus "
        f"{sum(p.minutes for _, p in pairs)} minutes of pair activities. `mlpm agenda` prints this page.", "",
        "**Pinned rules.** A day runs from 09:00 and ends by 17:30, and keeps at least "
        f"{BUFFER} minutes of buffer (questions, a late start, a kernel that dies): blocks end by "
        f"{clock(DAY_END - BUFFER)} and the rest of the day is a buffer block, before the close on the last day. "
        "Day 1 opens with setup (install, open the workspace, run one check cell) and introductions; the last day "
        "ends with a close (retrospective, what next, the self-assessment redrawn). "
        f"**Practice time is the pace of the exercises**, not a typed number: {PACE_PER_QUESTION:g} minutes per "
        f"graded question, {PACE_PER_AUTO_POINT:g} per point of an auto-graded question and "
        f"{PACE_PER_WRITTEN_POINT:g} per point of a written answer, {PACE_CAPSTONE:g} times that for the "
        f"capstone (its questions combine several modules), rounded up to {PACE_STEP} minutes; a module that "
        "grows gets more practice here, and a lesson that states its practice more than "
        f"{PACE_TOLERANCE} minutes away from its pace fails a test. Each live module is its teach block, its pair "
        "activity (for the minutes its card states, twice when they are per role, as in \"10 minutes, then "
        "swap\"), then its practise block, all on one day: a module that would not end before the buffer starts "
        "the next morning. A pair activity that reviews the practice (a peer review, or a card that says \"after "
        "practice\") comes after the practise block, so nobody reviews work not yet written. Breaks fall between "
        "blocks, at the boundary nearest to 10:30 (15 minutes), 12:30 (lunch, 60 minutes) and 15:00 (15 minutes); "
        "a format takes shorter ones (10 minutes, a 45-minute lunch, 10 minutes) and a 20-minute close instead "
        "when that keeps more modules live, rather than cutting a module's minutes. "
        "Module 00 and the capstone (last) are always live, and the transition module from two days on: it is "
        "what the workshop is for. The other modules are added in the order "
        f"{', '.join(PRIORITY)} (then any other, in module order) while the workshop still fits its days, and "
        "taught in module order; the rest is self-study (learners work through the lesson and exercise at home "
        "and check it with `mlpm check`). A practice continues the next morning only when the live modules do "
        f"not fit otherwise or, from {SPLIT_FROM} days (a format meant to teach all it can), to keep one more "
        "module live. A capstone question that needs a module not taught live is optional, "
        "\"if you did module N\". **If you are behind**, each day says what to drop first, after the buffer: the "
        "pair activities that do not review the practice, then the second half of a practice (the module last "
        "in the order above; 00, the transition and the capstone last), whose remaining questions become "
        "homework.", "",
    ]
    for agenda in agendas(root, modules, lessons):
        title = {1: "One-day", 2: "Two-day", 3: "Three-day"}.get(agenda.days, f"{agenda.days}-day")
        lines += [f"## {title} workshop", "", render_agenda(agenda, modules)]
    lines += ["## The kit per module", "",
              "Slides (`slides/`), a printable handout (`handouts/`) and notes (`notes/`) are generated for every "
              "module; each deck shows the one figure that carries its lesson, drawn by the lesson's own code (the "
              "cell tagged `slide-figure`) into `figures/`; the talk track, FAQ, calibration examples and "
              "pair-activity instructions are written by hand in `source/`.", "",
              "| module | slides | handout | notes | still to write by hand |", "|---|---|---|---|---|"]
    for module in modules:
        missing = "; ".join(gaps(root, module, lessons[module.slug])) or "nothing"
        lines.append(f"| {module.slug} | [deck](slides/{module.slug}.html) | [handout](handouts/{module.slug}.html) "
                     f"| [notes](notes/{module.slug}.md) | {missing} |")
    lines += ["", "## Pair activities", ""]
    if pairs:
        lines += ["| module | activity | minutes | when |", "|---|---|---|---|"]
        lines += [f"| {m.slug} | {p.heading} | {p.minutes} | "
                  f"{'after the practice' if p.after_practice else 'between teach and practice'} |" for m, p in pairs]
    else:
        lines.append("None of the lessons has a pair activity.")
    return "\n".join(lines) + "\n"


def pages(root: Path) -> dict[Path, str]:
    """Every generated page of the kit: relative path -> text."""
    modules = discover(root)
    lessons = lessons_of(root, modules)
    formats = agendas(root, modules, lessons)
    generated = {Path("facilitator/agenda.md"): agenda_page(root)}
    for module in modules:
        generated[Path("facilitator/notes") / f"{module.slug}.md"] = notes_page(
            root, module, lessons[module.slug], formats)
        generated[Path("facilitator/slides") / f"{module.slug}.html"] = deck_html(root, module)
        generated[Path("facilitator/handouts") / f"{module.slug}.html"] = handout_html(
            root, module, lessons[module.slug])
    return generated


def write_all(root: Path) -> list[Path]:
    """Write the kit under ``root/facilitator``, removing generated pages of modules that no longer exist;
    the authored ``facilitator/source/`` is only read."""
    generated = pages(root)
    for folder in {relative.parent for relative in generated} - {Path("facilitator")}:
        (root / folder).mkdir(parents=True, exist_ok=True)
        for stale in (root / folder).iterdir():
            if stale.relative_to(root) not in generated:
                stale.unlink()
    for relative, text in generated.items():
        (root / relative).write_text(text, encoding="utf-8")
    return sorted(generated)
