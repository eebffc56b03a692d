"""How close is automatic grading to a fair teacher, before and after a grading change?

For each learner attempt in ``tests/attempts/`` (answers plus the points a fair teacher gives
each auto-graded question), of every module that has attempts, this script grades the attempt
with the real engine twice:

- **after**: built from the current student version (``exercises/``) and graded with the
  current code, ``mlpm.grading.check.check`` (hidden checks included: a source checkout);
- **before**: built from the student version at ``BEFORE_COMMIT`` (main before grading round 2,
  issue 21) and graded with the code of that commit, in a subprocess that imports ``mlpm`` from a
  worktree of it (``git worktree add /tmp/mlpm-before-eb2aed0 eb2aed0``, made once if missing).
  A module that commit did not have (09-delivery) has no "before" ("–"); ``--no-before`` skips it
  for every module.

``mlpm.grading.check.check`` runs nbgrader's own autograde in a forked child (mlpm's early
kernel over IPC sockets, a 60 s cell limit). ``--plain-nbgrader`` also grades every "after"
notebook with the plain command line, ``nbgrader autograde SLUG --force`` in a copy of the course
(``grading/nbgrader_config.py`` as shipped), and lists every question where the two disagree.

It prints a summary over every module (per notebook: the mean absolute gap to the fair points,
summed over its questions; questions where correct work loses points; questions 1 point or more
from fair), then, per module, a markdown table (totals over the auto-graded questions and the
mean absolute gap per question) and every question where the current grade is more than 0.25
points from fair, with the check messages the learner got. A question the old notebook had with
other points is scaled to today's points (noted under the table).

Usage::

    python benchmarks/fair_grading.py [--modules 01 03] [--json results.json] [--attempts FOLDER]
                                      [--no-before] [--plain-nbgrader]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import io
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BEFORE_COMMIT = "eb2aed0"
BEFORE_TREE = Path(f"/tmp/mlpm-before-{BEFORE_COMMIT}")
SHOWN_GAP = 0.25  # list a question when |after - fair| is above this


# --- worker: grade notebooks with whichever mlpm is on the path ------------------------------

def _worker(notebooks: list[str], out: str) -> None:
    """Grade each notebook with ``mlpm.grading.check.check`` and write the results as JSON."""
    import mlpm
    from mlpm.grading.autograde import Limits
    from mlpm.grading.check import check

    results = {"mlpm": mlpm.__file__, "grades": {}}
    for path in notebooks:
        _, result = check(Path(path), Limits())
        results["grades"][path] = {
            "status": result.status,
            "notes": list(result.notes),
            "scores": dict(result.scores),
            "failures": [list(failure) for failure in result.failures],
        }
    Path(out).write_text(json.dumps(results, indent=1), encoding="utf-8")


def _run_worker(notebooks: list[Path], out: Path, *, before: bool) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if before:
        env["PYTHONPATH"] = str(BEFORE_TREE / "src")
    env.setdefault("MPLBACKEND", "Agg")
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(out), *map(str, notebooks)]
    return subprocess.Popen(command, env=env, cwd=tempfile.gettempdir())


# --- building the attempts -------------------------------------------------------------------

def _attempt_modules(folder: Path, only: list[str]) -> list:
    if str(folder.parent) not in sys.path:
        sys.path.insert(0, str(folder.parent))  # attempt modules may import their module's known_wrong fixtures
    modules = []
    for info in pkgutil.iter_modules([str(folder)]):
        spec = importlib.util.spec_from_file_location(f"attempts.{info.name}", folder / f"{info.name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    return sorted((m for m in modules if not only or m.ASSIGNMENT[:2] in only), key=lambda m: m.ASSIGNMENT)


def _ensure_before_tree() -> None:
    if not (BEFORE_TREE / "src" / "mlpm").is_dir():
        subprocess.run(["git", "worktree", "add", str(BEFORE_TREE), BEFORE_COMMIT], cwd=ROOT, check=True)
    probe = subprocess.run([sys.executable, "-c", "import mlpm; print(mlpm.__file__)"], capture_output=True,
                           text=True, check=True, cwd=tempfile.gettempdir(),
                           env={**os.environ, "PYTHONPATH": str(BEFORE_TREE / "src")})
    assert probe.stdout.strip().startswith(str(BEFORE_TREE)), f"old code not used: {probe.stdout}"


def _test_cells(notebook: dict) -> dict[str, float]:
    """Auto-graded test cell grade_id -> points."""
    from mlpm.grading.course import nbgrader_cells

    return {gid: cell["metadata"]["nbgrader"]["points"] for gid, cell in nbgrader_cells(notebook).items()
            if cell["metadata"]["nbgrader"].get("grade") and not cell["metadata"]["nbgrader"].get("solution")
            and cell["cell_type"] == "code"}


def _rename(code: str, names: dict[str, str]) -> str:
    """The answer as written against the old prompt: each new variable name replaced by the old one.

    Only Python names are renamed (tokens), never words inside strings or comments.
    """
    if not names:
        return code
    lines = code.splitlines(keepends=True)
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    for token in reversed([t for t in tokens if t.type == tokenize.NAME and t.string in names]):
        (row, start), (_, end) = token.start, token.end
        line = lines[row - 1]
        lines[row - 1] = line[:start] + names[token.string] + line[end:]
    return "".join(lines)


def _build(modules: list, scratch: Path, *, with_before: bool) -> tuple[list, dict, dict]:
    """Write every attempt twice (current and old student version); return jobs and points per version.

    A job's "before" notebook is None when the old commit had no such module (or ``with_before`` is off).
    """
    from mlpm.grading.attempts import attempt, read, write

    jobs, points_now, points_then = [], {}, {}
    for module in modules:
        [exercise] = sorted((ROOT / "exercises" / module.ASSIGNMENT).glob("*.ipynb"))
        olds = sorted((BEFORE_TREE / "exercises" / module.ASSIGNMENT).glob("*.ipynb")) if with_before else []
        now = read(exercise)
        then = read(olds[0]) if olds else None
        points_now[module.ASSIGNMENT] = _test_cells(now)
        points_then[module.ASSIGNMENT] = _test_cells(then) if then else {}
        renamed = getattr(module, "OLD_NAMES", {})  # names the old student version gave the same data
        for name, spec in module.ATTEMPTS.items():
            after = write(attempt(now, spec["answers"]), scratch / "after" / module.ASSIGNMENT / name / exercise.name)
            before = None
            if then is not None:
                old_answers = {gid: _rename(code, renamed) for gid, code in spec["answers"].items()}
                before = write(attempt(then, old_answers), scratch / "before" / module.ASSIGNMENT / name / olds[0].name)
            jobs.append((module, name, after, before))
    return jobs, points_now, points_then


def _plain_nbgrader(jobs: list, scratch: Path) -> dict[str, dict[str, float]]:
    """Grade every "after" notebook with plain ``nbgrader autograde``; notebook path -> grade_id -> points.

    One course copy per module (its ``solutions/`` folder and ``grading/nbgrader_config.py`` as
    shipped), each attempt submitted as its own student.
    """
    from nbgrader.api import Gradebook

    from mlpm.nbgrader_cli import run_nbgrader

    scores: dict[str, dict[str, float]] = {}
    for slug in dict.fromkeys(job[0].ASSIGNMENT for job in jobs):  # a module may have several attempt files
        course = scratch / "plain" / slug
        (course / "grading").mkdir(parents=True)
        shutil.copy(ROOT / "grading" / "nbgrader_config.py", course / "grading")
        shutil.copytree(ROOT / "solutions" / slug, course / "solutions" / slug)
        run_nbgrader(["generate_assignment", slug, "--force"], course / "grading")
        students = {}
        for job_module, name, after, _ in jobs:
            if job_module.ASSIGNMENT == slug:
                student = name.replace("-", "_")
                students[student] = after
                target = course / "grading" / "submitted" / student / slug
                target.mkdir(parents=True)
                shutil.copy(after, target / after.name)
        run_nbgrader(["autograde", slug, "--force"], course / "grading")
        with Gradebook(f"sqlite:///{course / 'grading' / 'gradebook.db'}") as gradebook:
            for student, after in students.items():
                submission = gradebook.find_submission(slug, student)
                scores[str(after)] = {grade.name: float(grade.auto_score or 0.0)
                                      for notebook in submission.notebooks for grade in notebook.grades
                                      if grade.auto_score is not None}
    return scores


def _plain_report(jobs: list, after: dict, plain: dict, points_now: dict) -> list[str]:
    """Where plain ``nbgrader autograde`` and ``mlpm.grading.check.check`` give a question other points."""
    lines = ["## Plain `nbgrader autograde` against `mlpm.grading.check.check`", ""]
    compared, differ = 0, []
    for module, name, after_path, _ in jobs:
        for gid in points_now[module.ASSIGNMENT]:
            ours, theirs = _points(after[str(after_path)], gid), plain[str(after_path)].get(gid, 0.0)
            compared += 1
            if abs(ours - theirs) > 0.01:
                differ.append(f"- {module.ASSIGNMENT} · {name} · {gid}: mlpm check {ours:.2f}, "
                              f"plain nbgrader {theirs:.2f}")
    lines.append(f"{len(jobs)} notebooks, {compared} questions compared; {len(differ)} differ by more "
                 "than 0.01 points.")
    return [*lines, *differ, ""]


# --- the report ------------------------------------------------------------------------------

def _points(grade: dict, gid: str) -> float:
    return float(grade["scores"].get(gid) or 0.0) if grade["status"] == "ok" else 0.0


def _summary(jobs: list, after: dict, before: dict, points_now: dict, points_then: dict) -> list[str]:
    """One row per module: per-notebook mean gap before and after, correct work penalised, questions 1+ off."""
    lines = ["## Summary over every module with attempts", "",
             "| module | notebooks | mean gap per notebook, before | after | correct work penalised (questions), "
             "before / after | questions 1 point or more from fair, before / after |",
             "|---|---:|---:|---:|---:|---:|"]
    totals = {"n": 0, "gap_before": 0.0, "gap_after": 0.0, "penalised": [0, 0], "far": [0, 0]}
    for module in dict.fromkeys(job[0] for job in jobs):
        now, then = points_now[module.ASSIGNMENT], points_then[module.ASSIGNMENT]
        changed = getattr(module, "CHANGED_SINCE_BEFORE", {})
        comparable = [gid for gid in now if gid in then and gid not in changed]
        rows = [job for job in jobs if job[0] is module]
        gap_before = gap_after = 0.0
        penalised, far = [0, 0], [0, 0]
        for _, name, after_path, before_path in rows:
            fair = module.ATTEMPTS[name]["fair"]
            new = after[str(after_path)]
            for gid in now:
                got = _points(new, gid)
                gap_after += abs(got - fair[gid])
                penalised[1] += fair[gid] == now[gid] and got < fair[gid] - 0.01
                far[1] += abs(got - fair[gid]) >= 1
            if before_path is None:
                continue
            old = before[str(before_path)]
            for gid in comparable:
                got = _points(old, gid) * now[gid] / then[gid]
                gap_before += abs(got - fair[gid])
                penalised[0] += fair[gid] == now[gid] and got < fair[gid] - 0.01
                far[0] += abs(got - fair[gid]) >= 1
        n = len(rows)
        label = f"{module.ASSIGNMENT} ({module.__name__.split('.')[-1]})"  # a module may have several attempt files
        if rows[0][3] is None:
            lines.append(f"| {label} | {n} | – | {gap_after / n:.2f} | – / {penalised[1]} | – / {far[1]} |")
        else:
            lines.append(f"| {label} | {n} | {gap_before / n:.2f} | {gap_after / n:.2f} | "
                         f"{penalised[0]} / {penalised[1]} | {far[0]} / {far[1]} |")
        totals["n"] += n
        totals["gap_before"] += gap_before
        totals["gap_after"] += gap_after
        totals["penalised"] = [a + b for a, b in zip(totals["penalised"], penalised, strict=True)]
        totals["far"] = [a + b for a, b in zip(totals["far"], far, strict=True)]
    n = max(totals["n"], 1)
    lines += [f"| all | {totals['n']} | {totals['gap_before'] / n:.2f} | {totals['gap_after'] / n:.2f} | "
              f"{totals['penalised'][0]} / {totals['penalised'][1]} | {totals['far'][0]} / {totals['far'][1]} |",
              "", "Before: modules without a before run (–) count as no gap, no penalty.", ""]
    return lines


def _report(jobs: list, after: dict, before: dict, points_now: dict, points_then: dict) -> str:
    lines: list[str] = _summary(jobs, after, before, points_now, points_then)
    for module in dict.fromkeys(job[0] for job in jobs):
        slug = module.ASSIGNMENT
        now, then = points_now[slug], points_then[slug]
        changed = getattr(module, "CHANGED_SINCE_BEFORE", {})  # prompts an attempt today cannot answer then
        comparable = [gid for gid in now if gid in then and gid not in changed]
        scaled = {gid: now[gid] / then[gid] for gid in comparable if then[gid] != now[gid]}
        mark = "" if len(comparable) == len(now) else " †"
        lines += [f"## {slug} ({sum(now.values()):g} automatic points)", "",
                  "| attempt | fair | before | after | mean \\|before − fair\\| | mean \\|after − fair\\| |",
                  "|---|---:|---:|---:|---:|---:|"]
        details, grid = [], ["| attempt | " + " | ".join(now) + " |", "|---|" + "---:|" * len(now)]
        for job_module, name, after_path, before_path in jobs:
            if job_module is not module:
                continue
            fair = module.ATTEMPTS[name]["fair"]
            new = after[str(after_path)]
            old = before[str(before_path)] if before_path is not None else {"status": "–", "scores": {}}
            got_after = {gid: _points(new, gid) for gid in now}
            got_before = {gid: _points(old, gid) * scaled.get(gid, 1.0) for gid in comparable}
            gap_after = sum(abs(got_after[g] - fair[g]) for g in now) / len(now)
            gap_before = sum(abs(got_before[g] - fair[g]) for g in comparable) / max(len(comparable), 1)
            both_ok = new["status"] == "ok" and old["status"] in ("ok", "–")
            status = "" if both_ok else f" ({old['status']} / {new['status']})"
            before_total = f"{sum(got_before.values()):.2f}" if before_path is not None else "–"
            if mark and before_path is not None:
                before_total += f" of {sum(fair[g] for g in comparable):.2f}{mark}"
            lines.append(f"| {name}{status} | {sum(fair.values()):.2f} | {before_total} | "
                         f"{sum(got_after.values()):.2f} | "
                         f"{f'{gap_before:.2f}{mark}' if before_path is not None else '–'} | {gap_after:.2f} |")
            grid.append(f"| {name} | " + " | ".join(
                f"{fair[g]:g} / {f'{got_before[g]:.2g}' if g in got_before else '–'} / {got_after[g]:.2g}"
                for g in now) + " |")
            for gid in now:
                if abs(got_after[gid] - fair[gid]) > SHOWN_GAP:
                    messages = [m for g, m in new["failures"] if g == gid] or ["(no message: every check passed)"]
                    was = f"{got_before[gid]:.2f}" if gid in got_before else "–"
                    details.append(f"- {name} · {gid}: after {got_after[gid]:.2f}, fair {fair[gid]:g}, "
                                   f"before {was} (of {now[gid]:g})")
                    details += [f"    - {m}" for m in messages]
        lines.append("")
        if scaled:
            lines.append("Scaled to today's points (the old notebook gave them other points): "
                         + ", ".join(f"{gid} ×{factor:g}" for gid, factor in scaled.items()) + ".")
        for gid in now if any(job[0] is module and job[3] is not None for job in jobs) else []:
            if gid not in comparable:
                why = changed.get(gid, "not in the old notebook")
                lines.append(f"† before leaves out {gid}: {why}.")
        lines += ["", "Per question, fair / before / after:", "", *grid,
                  "", f"Questions where |after − fair| > {SHOWN_GAP:g} points:", ""]
        lines += details or ["- none"]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", nargs="*", default=[], help="module numbers, e.g. 01 03 (default: all)")
    parser.add_argument("--json", type=Path, help="also write the raw grades to this file")
    parser.add_argument("--attempts", type=Path, default=ROOT / "tests" / "attempts",
                        help="the folder of attempt modules (default: tests/attempts)")
    parser.add_argument("--no-before", action="store_true", help="skip the run of the old code")
    parser.add_argument("--plain-nbgrader", action="store_true",
                        help="also grade every notebook with plain `nbgrader autograde` and compare")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("notebooks", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.notebooks, args.worker)
        return 0

    if not args.no_before:
        _ensure_before_tree()
    modules = _attempt_modules(args.attempts, args.modules)
    with tempfile.TemporaryDirectory(prefix="mlpm-fair-") as folder:
        scratch = Path(folder)
        jobs, points_now, points_then = _build(modules, scratch, with_before=not args.no_before)
        olds = [job[3] for job in jobs if job[3] is not None]
        # Two workers side by side, each with its own mlpm: the current code and the old one.
        news = [job[2] for job in jobs]
        workers = [(_run_worker(news, scratch / "after.json", before=False), scratch / "after.json")]
        if olds:
            workers.append((_run_worker(olds, scratch / "before.json", before=True), scratch / "before.json"))
        results = []
        for process, out in workers:
            if process.wait() != 0:
                raise SystemExit(f"grading failed: {process.args}")
            results.append(json.loads(out.read_text(encoding="utf-8")))
        after, before = results[0], (results[1] if olds else {"mlpm": "(not run)", "grades": {}})
        assert not after["mlpm"].startswith(str(BEFORE_TREE)), after["mlpm"]
        assert not olds or before["mlpm"].startswith(str(BEFORE_TREE)), before["mlpm"]
        plain = _plain_nbgrader(jobs, scratch) if args.plain_nbgrader else None
        if args.json:
            fair: dict = {}  # a module may have several attempt files (e.g. mNN_<slug>_blind.py)
            for m in modules:
                fair.setdefault(m.ASSIGNMENT, {}).update({n: a["fair"] for n, a in m.ATTEMPTS.items()})
            args.json.write_text(json.dumps({"after": after, "before": before, "plain_nbgrader": plain, "fair": fair},
                                            indent=1), encoding="utf-8")
        print(f"after: {after['mlpm']}\nbefore: {before['mlpm']}\n")
        print(_report(jobs, after["grades"], before["grades"], points_now, points_then))
        if plain is not None:
            print("\n".join(_plain_report(jobs, after["grades"], plain, points_now)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
