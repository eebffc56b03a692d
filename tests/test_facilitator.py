"""Is the facilitator's kit generated, current and scheduled by the pinned rules?"""

from __future__ import annotations

import json

import pytest

from mlpm.facilitator import DAY_END, Lesson, PairActivity, lay_out, pages, plan, read_lesson
from mlpm.modules import Module, discover
from notebook_tools import ROOT

NO_PAIR = Lesson((), (), None)


def _module(slug: str, teach: int, practise: int) -> Module:
    return Module(slug, slug.title(), teach, practise, ("Do a thing.",), 6, 1, 20.0)


def _lesson_file(tmp_path, *cells: tuple[str, str]):
    notebook = {"cells": [{"cell_type": kind, "metadata": {}, "source": text} for kind, text in
                          [("markdown", "# T\n\n**Teach:** 10 min · **Practise:** 10 min\n\n**Objectives**\n\n- a\n"),
                           *cells]]}
    path = tmp_path / "99-test.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    return path


def test_committed_kit_matches_what_build_generates():
    """Do facilitator/agenda.md and every facilitator/notes/*.md equal what `mlpm build` writes now?"""
    generated = pages(ROOT)
    for relative, text in generated.items():
        path = ROOT / relative
        assert path.is_file() and path.read_text(encoding="utf-8") == text, f"run `mlpm build`: {relative}"
    committed = {p.relative_to(ROOT) for p in (ROOT / "facilitator" / "notes").glob("*.md")}
    assert committed == {p for p in generated if p.parent.name == "notes"}, "notes of modules that do not exist"


def test_agenda_covers_every_module_once_in_each_workshop():
    """Does each agenda place every module or list it as self-study, exactly once?"""
    modules = discover(ROOT)
    lessons = {m.slug: read_lesson(ROOT / "notebooks" / f"{m.slug}.ipynb") for m in modules}
    for days in (1, 2):
        agenda = plan(modules, lessons, days)
        placed = list(dict.fromkeys(b.slug for b in agenda.blocks if b.slug))
        assert sorted(placed + list(agenda.self_study)) == [m.slug for m in modules]
        assert max(b.day for b in agenda.blocks) <= days or len(placed) <= 2
        assert all(b.start + b.minutes <= DAY_END for b in agenda.blocks)
    page = pages(ROOT)[ROOT.joinpath("facilitator", "agenda.md").relative_to(ROOT)]
    assert all(m.slug in page for m in modules)


def test_the_pair_activities_of_modules_05_and_06_are_found():
    """Are the lessons' pair activities and role-plays detected, with their minutes?"""
    for slug in ("05-explaining-models", "06-influence"):
        pair = read_lesson(ROOT / "notebooks" / f"{slug}.ipynb").pair
        assert pair is not None and pair.minutes > 0, slug


@pytest.mark.parametrize("heading, card, minutes", [
    ("## Pair activity (live workshop)", "**Role-play card · 10 minutes, then swap.**", 20),
    ("## For the room: a pair activity", "**Role-play, 12 minutes: saying no.** Swap roles halfway.", 12),
    ("## Role-play: the budget meeting", "In pairs, 8 min each way.", 16),
    ("## For the room: peer review (20 minutes, in pairs)", "Swap briefs and tick the checklist.", 20),
    ("## For the room: a pair activity", "**Ten minutes: the DPO's three questions.** Then swap.", 10),
])
def test_pair_activity_headings_in_other_words_are_detected(tmp_path, heading, card, minutes):
    """Is a pair activity found whichever way the lesson heads it, with the card's minutes (twice when the
    card gives them per role: "then swap" or "each way" right after them)?"""
    lesson = read_lesson(_lesson_file(tmp_path, ("markdown", f"{heading}\n\n{card}\n")))
    assert lesson.pair is not None and lesson.pair.heading == heading[3:]
    assert lesson.pair.minutes == minutes


def test_key_points_sections_and_plots_are_read(tmp_path):
    """Are key points joined across wrapped lines, stopping at the next heading, and plots tied to sections?"""
    lesson = read_lesson(_lesson_file(
        tmp_path,
        ("markdown", "## Setup"), ("code", "import x"),
        ("markdown", "## 1 · First idea"), ("code", "fig, ax = plt.subplots()"),
        ("markdown", "## 2 · Second idea"), ("code", "print(1)"),
        ("markdown", "## Key points\n\n- One point\n  that wraps.\n- Two.\n\n## Further reading\n\n- A book.\n"),
    ))
    assert lesson.key_points == ("One point that wraps.", "Two.")
    assert lesson.sections == (("1 · First idea", True), ("2 · Second idea", False))
    assert lesson.pair is None


def test_breaks_fall_at_the_nearest_block_boundary():
    """Is the morning break taken at the boundary nearest 10:30, and lunch near 12:30?"""
    modules = [_module(f"0{i}-m", 45, 45) for i in range(1, 4)]
    blocks = lay_out(modules, dict.fromkeys((m.slug for m in modules), NO_PAIR))
    breaks = [(b.what, b.start) for b in blocks if not b.slug]
    # blocks end 09:45 and 10:30: the break at 10:30; then 11:30 and 12:15; the next would end at 13:00,
    # 30 minutes past 12:30, so lunch starts at 12:15 (15 minutes before)
    assert breaks[:2] == [("Break", 10 * 60 + 30), ("Lunch", 12 * 60 + 15)]


def test_a_block_never_splits_and_spills_to_the_next_morning():
    """Does a block that would end after 17:30 start the next day at 09:00?"""
    modules = [_module(f"0{i}-m", 60, 90) for i in range(1, 5)]
    blocks = lay_out(modules, dict.fromkeys((m.slug for m in modules), NO_PAIR))
    assert all(b.start + b.minutes <= DAY_END for b in blocks)
    first_of_day_two = next(b for b in blocks if b.day == 2)
    assert first_of_day_two.start == 9 * 60 and first_of_day_two.slug


def test_one_day_keeps_00_and_the_capstone_and_makes_the_rest_self_study():
    """Does a one-day workshop keep module 00 and the capstone (last), then modules in order while they fit?"""
    modules = [_module("00-orientation", 15, 15), *(_module(f"0{i}-m{i}", 50, 60) for i in range(1, 8)),
               _module("11-capstone", 30, 90)]
    lessons = dict.fromkeys((m.slug for m in modules), NO_PAIR)
    lessons["02-m2"] = Lesson((), (), PairActivity("Pair activity", 10))
    agenda = plan(modules, lessons, 1)
    placed = list(dict.fromkeys(b.slug for b in agenda.blocks if b.slug))
    assert placed[0] == "00-orientation" and placed[-1] == "11-capstone"
    assert placed[1:-1] == ["01-m1", "02-m2"]
    assert agenda.self_study == tuple(f"0{i}-m{i}" for i in range(3, 8))
    assert any(b.what.startswith("Pair activity") and b.minutes == 10 for b in agenda.blocks)
    assert {b.day for b in agenda.blocks} == {1}


def test_the_kit_is_deterministic():
    """Does generating the kit twice give the same text?"""
    assert pages(ROOT) == pages(ROOT)


def test_mlpm_agenda_prints_the_agenda_page(capsys):
    """Does `mlpm agenda` print the same page that `mlpm build` writes?"""
    from mlpm.cli import main
    from mlpm.facilitator import agenda_page

    assert main(["agenda"]) == 0
    assert capsys.readouterr().out == agenda_page(ROOT)
