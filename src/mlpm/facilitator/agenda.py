"""The agenda: one-, two- and three-day workshops laid out by pinned rules.

Pinned rules (the agenda page states them too):

- A day runs from 09:00 and ends by 17:30, with at least :data:`BUFFER` minutes of explicit slack (questions, a
  late start, a kernel that dies): blocks end by 17:15, and the rest of the day is a buffer block, before the
  close on the last day. Day 1 opens with setup (install, open the workspace) and introductions; the last day
  ends with a close (retrospective, what next, the self-assessment redrawn).
- A module's practise minutes are the pace of its exercises (:func:`mlpm.modules.practise_pace`), never a
  typed number. Each live module is its teach block, its pair activity, then its practise block, on one day (a
  module that would not end by 17:15 starts the next morning). A pair activity that reviews the practice (a
  peer review, or a card that says "after practice") comes after the practise block instead.
- Breaks fall between blocks: 15 minutes near 10:30, a 60-minute lunch near 12:30 and 15 minutes near
  15:00, taken before the next block when that block would end further past the break's time than it
  starts before it; a break not reached by the day's end is dropped. A format takes shorter breaks (10, 45 and
  10 minutes) and a 20-minute close (:data:`SHORT`) when they keep more modules live.
- Which modules are live: 00 and the capstone (last), the transition module from two days on, then the others
  by :data:`PRIORITY` while the workshop still fits its days; they are taught in module order. A practice
  continues the next morning only when the live modules do not fit otherwise, or, from :data:`SPLIT_FROM`
  days (formats meant to teach all they can), to keep one more module live. The rest is self-study.
  A capstone question that needs a module not taught live is optional ("if you did module N").
- Every day says what to drop first if the room is behind (:func:`if_behind`): the pair activities that do
  not review the practice, then the second half of the practice of the day's module last by
  :data:`PRIORITY` (00, the transition module and the capstone last), whose remaining questions become
  homework that `mlpm check` scores.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from mlpm.facilitator.lesson import Lesson, cell_text
from mlpm.modules import Module

DAY_START = 9 * 60
DAY_END = 17 * 60 + 30
BREAKS = ((10 * 60 + 30, 15, "Break"), (12 * 60 + 30, 60, "Lunch"), (15 * 60, 15, "Break"))
SETUP = (20, "Setup: install (`python3 quickstart.py`), open the workspace (`mlpm lab`), run one check cell")
INTRODUCTIONS = (15, "Introductions: name, role, and the one thing each person wants from the workshop")
CLOSE = 30
BUFFER = 15  # minutes of slack every day keeps at least
BEHIND = 2 * BUFFER  # minutes a day's "if you are behind" list frees at least, where the day has them
SHORT = (((10 * 60 + 30, 10, "Break"), (12 * 60 + 30, 45, "Lunch"), (15 * 60, 10, "Break")), 20)  # breaks, close
PRIORITY = ("01", "02", "04", "07", "03", "06", "05", "08")  # then any other module, in module order
FORMATS = (1, 2, 3)
SPLIT_FROM = 3  # formats this long keep a module live even if a practice must continue the next morning


@dataclass(frozen=True)
class Block:
    """One line of an agenda: a start time (minutes after midnight), length and what happens."""

    day: int
    start: int
    minutes: int
    what: str
    slug: str = ""
    kind: str = "break"  # setup, introductions, teach, pair, practise, close, break, buffer


@dataclass(frozen=True)
class Agenda:
    """A workshop's blocks, the modules left to self-study, and the capstone's optional questions."""

    days: int
    blocks: tuple[Block, ...]
    self_study: tuple[str, ...]
    optional: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (capstone question, modules it needs not live)
    behind: tuple[tuple[tuple[str, int], ...], ...] = ()  # per day: (what to drop, minutes it frees), in order


def is_capstone(slug: str) -> bool:
    return slug.endswith("capstone")


def is_transition(slug: str) -> bool:
    return slug.endswith("transition")


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def close_text(live: list[str]) -> str:
    """What the close does: the self-assessment is redrawn only where the transition module was live."""
    transition = next((s for s in live if is_transition(s)), None)
    redraw = (f"redraw the self-assessment radar of {transition}: what moved, and the next gap to work on"
              if transition else "start the self-assessment of the transition module as homework")
    return f"Close: retrospective (what worked, what to change), what next (self-study modules), {redraw}"


def _units(modules: list[Module], lessons: dict[str, Lesson],
           close: int = CLOSE) -> list[list[tuple[int, str, str, str]]]:
    """Blocks grouped into units that stay on one day: (minutes, kind, what, slug)."""
    units = [[(SETUP[0], "setup", SETUP[1], ""), (INTRODUCTIONS[0], "introductions", INTRODUCTIONS[1], "")]]
    for module in modules:
        pair = lessons[module.slug].pair
        unit = [(module.teach_minutes, "teach", f"Teach: {module.title}", module.slug)]
        practise = (module.practise_minutes, "practise", f"Practise: {module.title}", module.slug)
        activity = None
        if pair and pair.minutes:
            activity = (pair.minutes, "pair", f"Pair activity: {pair.heading}", module.slug)
        if activity and pair.after_practice:
            unit += [practise, activity]
        else:
            unit += [activity, practise] if activity else [practise]
        units.append(unit)
    units.append([(close, "close", close_text([m.slug for m in modules]), "")])
    return units


def _place(unit, day, now, pending, strict=True):
    """Place one unit from ``now`` on ``day`` with the breaks still ``pending``; None if it ends after the
    buffer's start (unless not ``strict``: a unit longer than a day runs over)."""
    placed, pending = [], list(pending)
    for minutes, kind, what, slug in unit:
        while pending and now + minutes / 2 > pending[0][0]:
            _, length, name = pending.pop(0)
            placed.append(Block(day, now, length, name))
            now += length
        if strict and now + minutes > DAY_END - BUFFER:
            return None
        placed.append(Block(day, now, minutes, what, slug, kind))
        now += minutes
    return placed, now, pending


def lay_out(modules: list[Module], lessons: dict[str, Lesson], together: bool = True,
            breaks: tuple = BREAKS, close: int = CLOSE) -> list[Block]:
    """Place setup, introductions, the modules' blocks, the close (``close`` minutes) and the ``breaks`` on as
    many days as needed; each module on one day if ``together``, else block by block (a practice may continue
    the next morning)."""
    blocks: list[Block] = []
    day, now, pending = 1, DAY_START, list(breaks)
    units = _units(modules, lessons, close)
    if not together:
        units = [[block] for blocks_of_unit in units for block in blocks_of_unit]
    for unit in units:
        placed = _place(unit, day, now, pending)
        if placed is None:
            day, now, pending = day + 1, DAY_START, list(breaks)
            placed = _place(unit, day, now, pending)
        if placed is None:
            placed = _place(unit, day, now, pending, strict=False)
        new, now, pending = placed
        blocks += new
    return with_buffers(blocks)


BUFFER_TEXT = "Buffer: questions, a late start, a kernel that dies; if unused, open questions or an early finish"


def with_buffers(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each day's slack up to 17:30 as a buffer block, before the close on the last day (the
    close then ends at 17:30)."""
    out: list[Block] = []
    for day in sorted({b.day for b in blocks}):
        today = [b for b in blocks if b.day == day]
        close = [b for b in today if b.kind == "close"]
        today = [b for b in today if b.kind != "close"]
        end = DAY_END - sum(b.minutes for b in close)
        last = max(b.start + b.minutes for b in today) if today else DAY_START
        if end > last:
            today.append(Block(day, last, end - last, BUFFER_TEXT, kind="buffer"))
        out += today + [Block(day, end, b.minutes, b.what, kind="close") for b in close]
    return out


def _priority(slug: str) -> tuple[int, str]:
    number = slug[:2]
    return (PRIORITY.index(number) if number in PRIORITY else len(PRIORITY), slug)


def capstone_needs(root: Path, slug: str) -> list[tuple[str, tuple[str, ...]]]:
    """(question heading, module numbers its prompt names) for each question of the capstone exercise."""
    needs = []
    for notebook in sorted((root / "solutions" / slug).glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            text = cell_text(cell)
            heading = re.match(r"##\s+(Question \d+)", text)
            if cell["cell_type"] == "markdown" and heading:
                needs.append((heading.group(1), tuple(sorted(set(re.findall(r"\bmodules? (\d\d)\b", text))))))
    return needs


def plan(modules: list[Module], lessons: dict[str, Lesson], days: int,
         needs: list[tuple[str, tuple[str, ...]]] = ()) -> Agenda:
    """The agenda for a workshop of ``days`` days by the pinned keep rule, then :func:`lay_out`: with the usual
    breaks and close, or the :data:`SHORT` ones when they keep more modules live."""
    usual = _plan(modules, lessons, days, needs, {})
    short = _plan(modules, lessons, days, needs, dict(zip(("breaks", "close"), SHORT, strict=True)))
    return short if len(short.self_study) < len(usual.self_study) else usual


def _plan(modules: list[Module], lessons: dict[str, Lesson], days: int,
          needs: list[tuple[str, tuple[str, ...]]], timing: dict) -> Agenda:
    """:func:`plan` with the given ``timing`` (breaks and close for :func:`lay_out`; empty for the usual)."""
    def always(m: Module) -> bool:
        return m.slug.startswith("00-") or is_capstone(m.slug) or (days >= 2 and is_transition(m.slug))

    def within(kept: list[Module], split: bool = days >= SPLIT_FROM) -> list[Block] | None:
        for together in (True, False) if split else (True,):
            blocks = lay_out(kept, lessons, together, **timing)
            if max(b.day for b in blocks) <= days:
                return blocks
        return None

    live = {m.slug for m in modules if always(m)}
    for module in sorted((m for m in modules if not always(m)), key=lambda m: _priority(m.slug)):
        if within(_ordered([m for m in modules if m.slug in live | {module.slug}])) is not None:
            live.add(module.slug)
    kept = _ordered([m for m in modules if m.slug in live])
    numbers = {m.slug[:2] for m in kept}
    optional = tuple((q, tuple(n for n in need if n not in numbers)) for q, need in needs
                     if any(n not in numbers for n in need))
    blocks = within(kept, split=True) or lay_out(kept, lessons, together=False, **timing)
    behind = tuple(if_behind(blocks, lessons, day) for day in range(1, max(b.day for b in blocks) + 1))
    return Agenda(days, tuple(blocks), tuple(m.slug for m in modules if m.slug not in live), optional, behind)


def _drop_order(slug: str) -> tuple[int, int]:
    """Practices cut first: the module last by :data:`PRIORITY`; 00, the transition and the capstone last."""
    kept = is_capstone(slug) * 3 + is_transition(slug) * 2 + slug.startswith("00-")
    return (kept, -_priority(slug)[0])


def if_behind(blocks: list[Block] | tuple[Block, ...], lessons: dict[str, Lesson],
              day: int) -> tuple[tuple[str, int], ...]:
    """What to drop first on ``day`` when the room runs late, in order, each with the minutes it frees: the
    pair activities that do not review the practice, then the second half of practices by :func:`_drop_order`
    until :data:`BEHIND` minutes are freed (the rest of those questions are homework)."""
    today = [b for b in blocks if b.day == day]
    steps = [(f"the pair activity of {b.slug} (its card is in the lesson; learners can run it with a colleague "
              "later)", b.minutes) for b in today if b.kind == "pair" and not lessons[b.slug].pair.after_practice]
    for block in sorted((b for b in today if b.kind == "practise"), key=lambda b: _drop_order(b.slug)):
        if sum(m for _, m in steps) >= BEHIND:
            break
        kept = 5 * -(-block.minutes // 10)
        if block.minutes - kept > 0:
            steps.append((f"the second half of the practice of {block.slug}: stop after {kept} minutes, the "
                          "remaining questions are homework (`mlpm check` scores them)", block.minutes - kept))
    return tuple(steps)


def _ordered(modules: list[Module]) -> list[Module]:
    return sorted(modules, key=lambda m: (is_capstone(m.slug), m.slug))


def render_agenda(agenda: Agenda, modules: list[Module]) -> str:
    """One agenda as markdown: a table per day, the capstone's optional questions, the self-study modules."""
    titles = {m.slug: m.title for m in modules}
    lines: list[str] = []
    for day in range(1, max((b.day for b in agenda.blocks), default=0) + 1):
        if agenda.days > 1:
            lines += [f"### Day {day}", ""]
        lines += ["| time | minutes | what | module |", "|---|---|---|---|"]
        for block in (b for b in agenda.blocks if b.day == day):
            what = f"*{block.what}*" if block.kind in ("break", "buffer") else block.what
            end = clock(block.start + block.minutes)
            lines.append(f"| {clock(block.start)}–{end} | {block.minutes} | {what} | {block.slug} |")
        lines.append("")
        steps = agenda.behind[day - 1] if day <= len(agenda.behind) else ()
        on = f" on day {day}" if agenda.days > 1 else ""
        if steps:
            listed = "; ".join(f"({i}) {what}, {minutes} min" for i, (what, minutes) in enumerate(steps, 1))
            lines += [f"**If you are behind**{on}, use the buffer, then drop in this order: {listed}.", ""]
        else:
            lines += [f"**If you are behind**{on}, use the buffer, then shorten the afternoon break: nothing "
                      "else on this day can go without cutting a module's teaching.", ""]
    if agenda.optional:
        listed = "; ".join(f"{q} (if you did module {' and '.join(need)})" for q, need in agenda.optional)
        lines += [f"**Capstone in this format**: every question builds only on modules taught today, except "
                  f"these, which are optional: {listed}. Say so when you introduce the capstone; the check "
                  "cells of an optional question simply score zero.", ""]
    if agenda.self_study:
        listed = ", ".join(f"{slug} ({titles[slug]})" for slug in agenda.self_study)
        lines += [f"**Self-study** (not taught live): {listed}.", ""]
    else:
        lines += ["Every module is taught live.", ""]
    return "\n".join(lines)
