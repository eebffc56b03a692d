"""Is the facilitator's kit generated, current and scheduled by the pinned rules?"""

from __future__ import annotations

import html
import json
import re

import pytest

from mlpm.facilitator import (
    BUFFER,
    DAY_END,
    FORMATS,
    Lesson,
    PairActivity,
    agendas,
    lay_out,
    lessons_of,
    pages,
    plan,
    read_lesson,
)
from mlpm.facilitator.agenda import BEHIND, capstone_needs, is_capstone, is_transition, render_agenda
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
    """Do the agenda and every generated note, deck and handout equal what `mlpm build` writes now, with no
    page left over from a module that no longer exists?"""
    generated = pages(ROOT)
    for relative, text in generated.items():
        path = ROOT / relative
        assert path.is_file() and path.read_text(encoding="utf-8") == text, f"run `mlpm build`: {relative}"
    for folder in ("notes", "slides", "handouts"):
        committed = {p.relative_to(ROOT) for p in (ROOT / "facilitator" / folder).iterdir()}
        assert committed == {p for p in generated if p.parent.name == folder}, f"stale files in facilitator/{folder}"


def test_agenda_covers_every_module_once_in_each_workshop():
    """Does each agenda place every module or list it as self-study, exactly once?"""
    modules = discover(ROOT)
    lessons = {m.slug: read_lesson(ROOT / "notebooks" / f"{m.slug}.ipynb") for m in modules}
    for days in FORMATS:
        agenda = plan(modules, lessons, days)
        placed = list(dict.fromkeys(b.slug for b in agenda.blocks if b.slug))
        assert sorted(placed + list(agenda.self_study)) == [m.slug for m in modules]
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
    breaks = [(b.what, b.start) for b in blocks if b.kind == "break"]
    # setup and introductions end 09:35, the first teach block 10:20; the next would end 11:05, 35 minutes
    # past 10:30, so the break starts at 10:20 (10 minutes before); blocks then end 11:20, 12:05 and 12:50:
    # 12:50 is 20 minutes past 12:30, nearer than 12:05, so lunch starts at 12:50
    assert breaks[:2] == [("Break", 10 * 60 + 20), ("Lunch", 12 * 60 + 50)]


def test_a_block_never_splits_and_spills_to_the_next_morning():
    """Does a block that would end after 17:30 start the next day at 09:00?"""
    modules = [_module(f"0{i}-m", 60, 90) for i in range(1, 5)]
    blocks = lay_out(modules, dict.fromkeys((m.slug for m in modules), NO_PAIR))
    assert all(b.start + b.minutes <= DAY_END for b in blocks)
    first_of_day_two = next(b for b in blocks if b.day == 2)
    assert first_of_day_two.start == 9 * 60 and first_of_day_two.slug


def test_one_day_keeps_00_and_the_capstone_then_modules_by_priority():
    """Does a one-day workshop keep module 00 and the capstone (last), then modules by the pinned priority
    (01, 02, 04, ...) while they fit, taught in module order?"""
    modules = [_module("00-orientation", 15, 15), *(_module(f"0{i}-m{i}", 40, 50) for i in range(1, 8)),
               _module("11-capstone", 30, 90)]
    lessons = dict.fromkeys((m.slug for m in modules), NO_PAIR)
    lessons["02-m2"] = Lesson((), (), PairActivity("Pair activity", 10))
    agenda = plan(modules, lessons, 1)
    placed = list(dict.fromkeys(b.slug for b in agenda.blocks if b.slug))
    assert placed == ["00-orientation", "01-m1", "02-m2", "11-capstone"]
    assert agenda.self_study == tuple(f"0{i}-m{i}" for i in range(3, 8))
    assert any(b.kind == "pair" and b.minutes == 10 for b in agenda.blocks)
    assert {b.day for b in agenda.blocks} == {1}


def _real():
    modules = discover(ROOT)
    lessons = lessons_of(ROOT, modules)
    return modules, lessons, agendas(ROOT, modules, lessons)


def test_no_activity_precedes_the_work_it_reviews():
    """Does every pair activity that reviews the practice (the capstone's peer review) come after it, in every
    format, and every other pair activity between its module's teach and practise blocks?"""
    modules, lessons, formats = _real()
    reviews = {m.slug for m in modules if lessons[m.slug].pair and lessons[m.slug].pair.after_practice}
    assert any(is_capstone(slug) for slug in reviews), "the capstone's peer review is not read as a review"
    for agenda in formats:
        order = {(b.slug, b.kind): i for i, b in enumerate(agenda.blocks)}
        for slug in {b.slug for b in agenda.blocks if b.kind == "pair"}:
            pair, teach, practise = order[slug, "pair"], order[slug, "teach"], order[slug, "practise"]
            assert (practise < pair) if slug in reviews else (teach < pair < practise), (agenda.days, slug)


def test_a_card_that_says_after_practice_is_scheduled_after_it(tmp_path):
    """Can any activity say "after practice" and be placed after the practise block?"""
    lesson = read_lesson(_lesson_file(tmp_path, ("markdown", "## Pair activity\n\n10 minutes, after practice.\n")))
    assert lesson.pair.after_practice and lesson.pair.minutes == 10
    blocks = lay_out([_module("01-m", 30, 30)], {"01-m": lesson})
    assert [b.kind for b in blocks if b.slug] == ["teach", "practise", "pair"]


def test_capstone_only_uses_taught_modules_or_marks_the_rest_optional():
    """Is every capstone question that names a module not taught live listed as optional, with that module?"""
    modules, _, formats = _real()
    capstone = next(m.slug for m in modules if is_capstone(m.slug))
    needs = capstone_needs(ROOT, capstone)
    assert len(needs) >= 5 and any(need for _, need in needs), "the capstone's questions name no module"
    page = pages(ROOT)[ROOT.joinpath("facilitator", "agenda.md").relative_to(ROOT)]
    for agenda in formats:
        live = {b.slug[:2] for b in agenda.blocks if b.slug}
        optional = dict(agenda.optional)
        for question, need in needs:
            missing = tuple(n for n in need if n not in live)
            assert optional.get(question, ()) == missing, (agenda.days, question)
            for number in missing:
                assert f"{question} (if you did module {number}" in page or f"and {number})" in page


def test_the_transition_is_live_from_two_days_and_longer_formats_teach_more():
    """Is the transition module taught live in the two- and three-day formats, each format within its days,
    and does a longer format teach every module a shorter one does?"""
    modules, _, formats = _real()
    assert FORMATS == (1, 2, 3)
    live = []
    for agenda in formats:
        live.append({b.slug for b in agenda.blocks if b.slug})
        assert max(b.day for b in agenda.blocks) <= agenda.days, f"{agenda.days}-day runs over"
        assert sorted(live[-1] | set(agenda.self_study)) == [m.slug for m in modules]
        if agenda.days >= 2:
            assert any(is_transition(s) for s in live[-1]), agenda.days
    assert live[0] <= live[1] <= live[2]


def test_every_day_keeps_a_buffer_and_ends_by_half_past_five():
    """Does every day of every format keep at least 15 minutes of buffer as a block of its own (before the
    close on the last day), with blocks back to back from 09:00 and nothing after 17:30?"""
    _, _, formats = _real()
    assert BUFFER >= 15
    for agenda in formats:
        for day in range(1, agenda.days + 1):
            today = [b for b in agenda.blocks if b.day == day]
            assert today, (agenda.days, day)
            buffers = [b for b in today if b.kind == "buffer"]
            assert len(buffers) == 1 and buffers[0].minutes >= BUFFER, (agenda.days, day)
            assert today[0].start == 9 * 60 and today[-1].start + today[-1].minutes == DAY_END
            pairs = zip(today[:-1], today[1:], strict=True)
            assert all(a.start + a.minutes == b.start for a, b in pairs), (agenda.days, day)
            assert today[-1].kind == ("close" if day == agenda.days else "buffer"), (agenda.days, day)
        assert "*Buffer: questions, a late start" in render_agenda(agenda, discover(ROOT))


def test_every_day_says_what_to_drop_first_if_the_room_is_behind():
    """Does every day of every format say, in its agenda, what to drop first when the room runs late: only
    blocks of that day, the pair activities before any practice, never the capstone's peer review, and enough
    to win back twice the buffer wherever the day has the practice to cut?"""
    modules, lessons, formats = _real()
    for agenda in formats:
        page = render_agenda(agenda, modules)
        assert len(agenda.behind) == agenda.days
        assert page.count("**If you are behind**") == agenda.days
        for day, steps in enumerate(agenda.behind, 1):
            today = {b.slug for b in agenda.blocks if b.day == day and b.kind in ("pair", "practise")}
            assert steps, (agenda.days, day)
            for what, minutes in steps:
                slug = re.search(r"of (\d\d-[\w-]+)", what).group(1)
                assert slug in today and minutes > 0, (agenda.days, day, what)
                assert not ("pair activity" in what and lessons[slug].pair.after_practice), what
            kinds = ["pair" if "pair activity" in what else "practise" for what, _ in steps]
            assert kinds == sorted(kinds), (agenda.days, day, kinds)
            practice = sum(b.minutes for b in agenda.blocks if b.day == day and b.kind == "practise"
                           and not is_capstone(b.slug))
            if practice >= 2 * BEHIND:
                assert sum(m for _, m in steps) >= BEHIND, (agenda.days, day)
            assert all(f"{what}, {minutes} min" in page for what, minutes in steps)


def test_the_capstone_practice_is_cut_last():
    """When a day holds another module's practice, is that one cut before the capstone's?"""
    modules = [_module("00-orientation", 15, 15), _module("01-m1", 30, 60), _module("11-capstone", 15, 90)]
    lessons = dict.fromkeys((m.slug for m in modules), NO_PAIR)
    agenda = plan(modules, lessons, 1)
    assert "01-m1" in agenda.behind[0][0][0]
    assert agenda.behind[0][0][1] == 30


def test_agenda_practice_is_the_pace_of_the_exercises():
    """Is every live module's practice in every format (across days if it continues the next morning) the pace
    of its graded exercises, recounted here from the solutions, and does every lesson state its practice
    within the tolerance of that pace?"""
    from mlpm.modules import PACE_TOLERANCE, count_grades, pace_drift, practise_pace

    modules, _, formats = _real()
    for module in modules:
        auto, manual, points, written = count_grades(ROOT / "solutions" / module.slug)
        pace = practise_pace(auto + manual, points, written, is_capstone(module.slug))
        assert module.practise_minutes == pace, module.slug
        assert abs(module.stated_practise_minutes - pace) <= PACE_TOLERANCE, pace_drift([module])
        for agenda in formats:
            scheduled = sum(b.minutes for b in agenda.blocks if b.slug == module.slug and b.kind == "practise")
            assert scheduled in (0, pace), (agenda.days, module.slug, scheduled, pace)
    assert pace_drift(modules) == []


def _checkout(tmp_path, stated: int, cells: list[tuple[float, bool]]):
    """A one-module checkout: a lesson stating ``stated`` practise minutes, graded cells (points, written)."""
    (tmp_path / "notebooks").mkdir(exist_ok=True)
    (tmp_path / "solutions" / "01-m").mkdir(parents=True, exist_ok=True)
    front = f"# M\n\n**Teach:** 20 min · **Practise:** {stated} min\n\n**Objectives**\n\n- a\n"
    (tmp_path / "notebooks" / "01-m.ipynb").write_text(
        json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": front}]}), encoding="utf-8")
    graded = [{"cell_type": "markdown" if written else "code", "metadata": {"nbgrader": {
        "grade": True, "solution": written, "points": points}}, "source": ""} for points, written in cells]
    (tmp_path / "solutions" / "01-m" / "ex.ipynb").write_text(json.dumps({"cells": graded}), encoding="utf-8")
    return discover(tmp_path)


def test_a_module_that_grows_gets_more_practice_and_its_stale_lesson_fails(tmp_path):
    """When a module gains questions and points, does its scheduled practice grow by the pinned pace, and is
    the lesson that still states the old minutes named once the gap passes the tolerance?"""
    from mlpm.modules import PACE_TOLERANCE, pace_drift

    before = _checkout(tmp_path, 25, [(3, False)] * 5 + [(2, True)])  # 6 questions, 15 auto + 2 written points
    assert before[0].practise_minutes == 35 and pace_drift(before) == ["01-m: the lesson says practise 25 min, "
           "its exercises ask 35 (6 questions, 17 points of which 2 written); update the lesson's front matter"]
    settled = _checkout(tmp_path, 35, [(3, False)] * 5 + [(2, True)])
    assert pace_drift(settled) == []
    grown = _checkout(tmp_path, 35, [(3, False)] * 6 + [(4, True)])  # one more question, 3 + 2 more points
    assert grown[0].practise_minutes == 45 > 35 + PACE_TOLERANCE and len(pace_drift(grown)) == 1
    blocks = lay_out(grown, {"01-m": NO_PAIR})
    assert [b.minutes for b in blocks if b.kind == "practise"] == [45]


def test_setup_introductions_and_close_are_blocks_of_their_own():
    """Does each format open day 1 with setup then introductions, and end its last day with the close, which
    redraws the self-assessment when the transition module was live?"""
    _, _, formats = _real()
    for agenda in formats:
        blocks = agenda.blocks
        assert [b.kind for b in blocks[:2]] == ["setup", "introductions"] and blocks[0].start == 9 * 60
        assert blocks[-1].kind == "close" and blocks[-1].day == max(b.day for b in blocks)
        transition_live = any(is_transition(b.slug) for b in blocks)
        assert ("redraw the self-assessment" in blocks[-1].what) == transition_live, agenda.days
        assert all(b.start + b.minutes <= DAY_END for b in blocks)


def test_a_module_stays_on_one_day_when_the_format_allows():
    """In the one- and two-day formats, are a module's teach, pair and practise blocks on the same day?"""
    _, _, formats = _real()
    for agenda in formats[:2]:
        days = {}
        for block in (b for b in agenda.blocks if b.slug):
            days.setdefault(block.slug, set()).add(block.day)
        assert all(len(d) == 1 for d in days.values()), agenda.days


def test_the_notes_say_on_which_days_a_module_runs():
    """Does a module whose practice continues the next morning say so in its notes' timing ("day 1, 16:00–day 2,
    09:55"), and one on a single day give one day?"""
    from mlpm.facilitator import Agenda, Block
    from mlpm.facilitator.notes import when

    split = Agenda(3, (Block(1, 16 * 60, 50, "Teach", "04-m", "teach"), Block(2, 9 * 60, 55, "Practise", "04-m",
                                                                             "practise")), ())
    assert when(split, "04-m") == "day 1, 16:00–day 2, 09:55"
    assert when(split, "05-m") == "self-study"
    one = Agenda(2, (Block(2, 9 * 60, 45, "Teach", "07-m", "teach"), Block(2, 9 * 60 + 45, 60, "Practise",
                                                                           "07-m", "practise")), ())
    assert when(one, "07-m") == "day 2, 09:00–10:45"


def test_a_module_with_too_many_sections_for_its_minutes_is_told_to_group_or_cut():
    """Do module 08's notes (nine topics in 45 minutes) say to group or cut sections?"""
    notes = pages(ROOT)
    page = next(text for path, text in notes.items() if path.name.startswith("08-"))
    assert "group or cut sections" in page


def test_the_kit_is_deterministic():
    """Does generating the kit twice give the same text?"""
    assert pages(ROOT) == pages(ROOT)


def test_mlpm_agenda_prints_the_agenda_page(capsys):
    """Does `mlpm agenda` print the same page that `mlpm build` writes?"""
    from mlpm.cli import main
    from mlpm.facilitator import agenda_page

    assert main(["agenda"]) == 0
    assert capsys.readouterr().out == agenda_page(ROOT)


def test_every_known_wrong_answer_is_in_the_notes_with_its_message():
    """Is every mistake of every fixture (rows added by ``WRONG_ANSWERS[...] =`` and ``.update()`` too) named in
    its module's notes, with the learner's message where the fixture pins one in ``MESSAGES``?"""
    from mlpm.facilitator.mistakes import _load

    notes = {path.stem: text for path, text in pages(ROOT).items() if path.parent.name == "notes"}
    fixtures = sorted((ROOT / "tests" / "known_wrong").glob("m[0-9][0-9]_*.py"))
    assert fixtures
    for path in fixtures:
        fixture = _load(path)
        page = next(text for slug, text in notes.items() if slug.startswith(path.stem[1:3]))
        for name in fixture.WRONG_ANSWERS:
            assert f"`{name}`" in page, (path.name, name)
            message = getattr(fixture, "MESSAGES", {}).get(name)
            if message:
                assert message in page, (path.name, name)


def test_rows_added_after_the_dict_are_read(tmp_path):
    """Are rows added with item assignment and ``.update()`` after the dict read, as the fixture defines them,
    with the message ``MESSAGES`` names?"""
    from mlpm.facilitator.mistakes import mistakes

    folder = tmp_path / "tests" / "known_wrong"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "m99_test.py").write_text(
        'WRONG_ANSWERS = {"a": ("q1_answer", "x = 1", "visible")}\n'
        'WRONG_ANSWERS["b"] = ("q2_answer", "x = 2", "hidden")\n'
        'WRONG_ANSWERS.update({f"c{i}": ("q3_answer", "x = 3", "visible") for i in range(2)})\n'
        'MESSAGES = {"b": "look at the weeks"}\n')
    found = mistakes(tmp_path, "99-test")
    assert [(m.name, m.cell, m.caught, m.message) for m in found] == [
        ("a", "q1_answer", "visible", ""), ("b", "q2_answer", "hidden", "look at the weeks"),
        ("c0", "q3_answer", "visible", ""), ("c1", "q3_answer", "visible", "")]


def _decks() -> dict[str, str]:
    return {path.stem: text for path, text in pages(ROOT).items() if path.parent.name == "slides"}


def test_every_lesson_has_a_self_contained_deck_with_a_slide_per_section():
    """Does every module have a deck that loads nothing from elsewhere (no linked script, style, font or image)
    and has a slide for each of its lesson's sections?"""
    modules = discover(ROOT)
    decks = _decks()
    assert set(decks) == {m.slug for m in modules}
    for module in modules:
        deck = decks[module.slug]
        assert not re.search(r"<(script|img|iframe|link)\b[^>]*\b(src|href)=(?!\"data:image/png;base64,)|@import|url\(",
                             deck), module.slug
        titles = re.findall(r"<h2>(.*?)</h2>", deck)
        for heading, _ in read_lesson(ROOT / "notebooks" / f"{module.slug}.ipynb").sections:
            assert html.escape(heading) in titles, (module.slug, heading)


def test_a_deck_splits_long_sections_cuts_long_code_and_leaves_setup_out(tmp_path):
    """Does a section too long for one slide continue on the next, is a long code cell cut with the count of
    lines left out, and are setup, imports-only cells and further reading left out?"""
    from mlpm.facilitator.slides import CODE_LINES, slides

    long_code = "\n".join(f"x{i} = {i}" for i in range(CODE_LINES + 5)) + "\nplt.plot(x0)"
    path = _lesson_file(
        tmp_path, ("markdown", "## Setup"), ("code", "import pandas as pd"),
        ("markdown", "## 1 · Idea\n\n" + "A sentence about the idea. " * 30), ("code", "import numpy as np"),
        ("markdown", "More about the idea. " * 10), ("code", long_code),
        ("markdown", "## Further reading\n\n- A book."))
    deck = slides(path, _module("99-test", 10, 10))
    assert [title for title, _ in deck] == ["99-Test", "1 · Idea", "1 · Idea (continued)"]
    last = deck[-1][1]
    assert "6 more line(s)" in last and "Draws a figure" in last and "import" not in "".join(h for _, h in deck)


def test_every_deck_embeds_its_lessons_figure_drawn_from_the_current_lesson_and_data():
    """Does every lesson tag the one cell whose figure carries it, is the committed PNG drawn from the lesson's
    code and data as they are now (its source key), and does the deck embed exactly that PNG on the slide after
    the one showing the cell?"""
    import base64

    from mlpm.facilitator.figures import FOLDER, figure_cell, source_key, stored_key

    decks = _decks()
    for module in discover(ROOT):
        lesson = ROOT / "notebooks" / f"{module.slug}.ipynb"
        assert figure_cell(lesson) is not None, f"{module.slug}: tag the cell that draws its figure slide-figure"
        png = ROOT / FOLDER / f"{module.slug}.png"
        assert stored_key(png) == source_key(ROOT, lesson), f"run `mlpm build`: {png.name} is stale"
        embedded = re.findall(r'<img src="data:image/png;base64,([^"]+)"', decks[module.slug])
        assert [base64.b64decode(data) for data in embedded] == [png.read_bytes()], module.slug
        slides = re.findall(r'<section class="slide" id="s\d+">(.*?)</section>', decks[module.slug], flags=re.S)
        at = next(i for i, slide in enumerate(slides) if "<img" in slide)
        assert "Draws the figure on the next slide." in slides[at - 1], module.slug


def test_a_figure_drawn_again_is_byte_for_byte_the_committed_one():
    """Does drawing module 00's figure again give exactly the committed PNG, a picture a projector can show?"""
    from PIL import Image

    from mlpm.facilitator.figures import FOLDER, draw, source_key

    lesson = ROOT / "notebooks" / "00-orientation.ipynb"
    png = draw(lesson, source_key(ROOT, lesson))
    assert png == (ROOT / FOLDER / "00-orientation.png").read_bytes()
    with Image.open(ROOT / FOLDER / "00-orientation.png") as image:
        assert image.width >= 600 and image.height >= 300


def test_figures_are_redrawn_only_when_their_source_changes_and_a_tag_must_draw(tmp_path):
    """Does `mlpm build` draw a tagged figure once, skip it while its code and data stay the same, draw it again
    when the code changes, and refuse a tagged cell that draws nothing?"""
    from mlpm.facilitator.figures import draw, write_all

    def lesson(code: str) -> None:
        cells = [{"cell_type": "markdown", "metadata": {}, "source": "# T"},
                 {"cell_type": "code", "metadata": {"tags": ["slide-figure"]}, "source": code}]
        (tmp_path / "notebooks").mkdir(exist_ok=True)
        (tmp_path / "notebooks" / "99-t.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")

    lesson("import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])")
    assert write_all(tmp_path) == (["99-t"], [])
    assert write_all(tmp_path) == ([], ["99-t"])
    lesson("import matplotlib.pyplot as plt\nplt.plot([3, 2, 1])")
    assert write_all(tmp_path) == (["99-t"], [])
    lesson("x = 1")
    with pytest.raises(ValueError, match="draws no figure"):
        draw(tmp_path / "notebooks" / "99-t.ipynb")


def test_every_module_has_a_handout_with_objectives_pins_and_key_points():
    """Does every module's handout hold its objectives and key points, load nothing from elsewhere, and carry
    the pinned formulas of the modules that pin them (e.g. 07's four-fifths and Cramér's V bar)?"""
    handouts = {path.stem: text for path, text in pages(ROOT).items() if path.parent.name == "handouts"}
    modules = discover(ROOT)
    assert set(handouts) == {m.slug for m in modules}
    for module in modules:
        text = handouts[module.slug]
        assert "@page" in text and not re.search(r"<(script|img|link)\b|@import|url\(", text), module.slug
        assert all(html.escape(o) in text for o in module.objectives), module.slug
        lesson = read_lesson(ROOT / "notebooks" / f"{module.slug}.ipynb")
        assert text.count("<li>") >= len(module.objectives) + len(lesson.key_points), module.slug
    assert "Pinned formulas and conventions" in handouts["07-responsible-ai"]
    assert "V ≥ 0.2" in handouts["07-responsible-ai"]


def test_handout_pins_keep_the_pinning_sentences_and_their_lists(tmp_path):
    """Are only the sentences that pin something kept, with the list a pinning sentence opens?"""
    from mlpm.facilitator.handouts import pins

    path = _lesson_file(tmp_path, ("markdown", "## 1 · Idea\n\nA story first. We pin the rule as follows:\n\n"
                                               "- **a** = 1;\n- **b** = 2.\n\nUnrelated text.\n"),
                        ("markdown", "## Key points\n\n- Pinned key point, not repeated.\n"))
    assert pins(path) == ["We pin the rule as follows:\n\n- **a** = 1;\n- **b** = 2."]


# Modules whose hand-written notes (facilitator/source/NN-slug.md) are not complete yet. Finishing one, or a
# new module arriving without notes, makes the test below fail until this set says so.
TO_WRITE: set[str] = set()


def test_every_module_has_hand_written_notes_or_is_listed_as_to_write():
    """Does every module of notebooks/ have complete hand-written notes (talk track for each lesson section,
    FAQ, calibration when it has written questions, pair activity), except those listed as still to write,
    which the agenda page and their notes page report?"""
    from mlpm.facilitator.authored import gaps

    modules, lessons, _ = _real()
    incomplete = {m.slug: gaps(ROOT, m, lessons[m.slug]) for m in modules}
    incomplete = {slug: missing for slug, missing in incomplete.items() if missing}
    unexpected = {slug: missing for slug, missing in incomplete.items() if slug not in TO_WRITE}
    assert not unexpected, f"write facilitator/source/NN-slug.md (or list the module in TO_WRITE): {unexpected}"
    assert set(incomplete) == TO_WRITE & {m.slug for m in modules}, "a module in TO_WRITE is complete now"
    generated = pages(ROOT)
    for slug in incomplete:
        assert "Still to write" in generated[ROOT.joinpath("facilitator", "notes", f"{slug}.md").relative_to(ROOT)]


def test_a_missing_section_or_part_is_reported(tmp_path):
    """Are a missing file, a missing part and a lesson section without a talk track each named?"""
    from mlpm.facilitator.authored import gaps

    module = _module("99-test", 20, 10)
    lesson = Lesson((), (("1 · First", False), ("2 · Second", False)), None)
    assert gaps(tmp_path, module, lesson) == ["everything: `facilitator/source/99-test.md` does not exist yet"]
    (tmp_path / "facilitator" / "source").mkdir(parents=True)
    (tmp_path / "facilitator" / "source" / "99-test.md").write_text(
        "# T\n\n## Talk track\n\n### 1 · First, renamed\n\nSay it.\n\n## FAQ\n\nQ.\n")
    assert gaps(tmp_path, module, lesson) == ["the Pair activity part", "the Calibration part",
                                              "a talk track for section “2 · Second”"]
    crowded = Lesson((), tuple((f"{i} · S", False) for i in range(1, 5)), None)  # 20 minutes for 4 sections
    assert "a Pacing part (4 sections in 20 min: what to cut or group)" in gaps(tmp_path, module, crowded)


def test_the_talk_track_rides_along_as_speaker_notes():
    """Does each section's talk-track entry appear as hidden speaker notes on that section's first slide?"""
    from mlpm.facilitator.authored import talk_track
    from mlpm.facilitator.render import markdown

    deck = _decks()["07-responsible-ai"]
    opening, entries = talk_track(ROOT, "07-responsible-ai")
    assert opening and len(entries) >= 7
    for text in [opening, *entries.values()]:
        assert f'<aside class="notes">{markdown(text)}</aside>' in deck
