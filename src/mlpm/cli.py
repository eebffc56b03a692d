"""The `mlpm` command line: lab, build, run, grade, check, progress, room."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _lab(args: argparse.Namespace) -> int:
    from mlpm.lab import default_workspace, open_lab

    return open_lab(args.workspace or default_workspace(), args.port, not args.no_browser)


def _build(args: argparse.Namespace) -> int:
    from mlpm.build import build_all
    from mlpm.paths import require_project_root

    build_all(require_project_root())
    return 0


def _agenda(args: argparse.Namespace) -> int:
    from mlpm.facilitator import agenda_page
    from mlpm.paths import require_project_root

    print(agenda_page(require_project_root()), end="")
    return 0


def _run(args: argparse.Namespace) -> int:
    from mlpm.execute import run_all, summary_table
    from mlpm.paths import require_project_root

    root = require_project_root()
    output = args.output or root / "runs"
    results = run_all(root, output, jobs=args.jobs, only=args.only)
    print(summary_table(results))
    failed = [r for r in results if not r.ok]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed; executed copies in {output}")
    return 1 if failed or not results else 0


def _limits(args: argparse.Namespace):
    from mlpm.grading.autograde import Limits

    return Limits(args.cell_timeout, args.notebook_timeout, args.memory_mb)


def _grade(args: argparse.Namespace) -> int:
    from mlpm.grading.grade import grade, summary
    from mlpm.paths import require_project_root

    root = require_project_root()
    output = args.output or root / "grading" / "reports" / args.assignment
    inbound = args.exchange / os.environ.get("MLPM_COURSE_ID", "mlpm-workshop") / "inbound"
    run = grade(root, args.assignment, args.submissions, output, _limits(args), jobs=args.jobs,
                course_root=args.course, inbound=inbound)
    print(summary(run))
    print(f"\ngrades: {run.grades_csv}\nreport: {run.report}\nfeedback: {run.feedback_dir}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from mlpm.grading.autograde import OK
    from mlpm.grading.check import NotCheckable, automatic_points, check, not_started, notebooks_to_check, render

    notebooks, problems = notebooks_to_check(args.paths)
    for problem in problems:
        print(f"mlpm check: {problem}", file=sys.stderr)
    earned = possible = 0.0
    graded = failed = 0
    untouched = []
    for notebook in notebooks:
        blank = not_started(notebook)
        if blank is not None:
            untouched.append(f"{notebook} · {blank[0]}: not started (every answer cell is as handed out), "
                             f"so not graded: 0 / {blank[1]:g} automatic points")
            possible += blank[1]
            continue
        try:
            course, result = check(notebook, _limits(args))
        except NotCheckable as error:
            problems.append(str(error))
            print(f"mlpm check: {error}", file=sys.stderr)
            continue
        print(("\n" + "=" * 72 + "\n\n" if graded else "") + render(notebook, course, result))
        graded += 1
        failed += result.status != OK
        points = automatic_points(course, result)
        earned, possible = earned + points[0], possible + points[1]
    if untouched:
        print(("\n" if graded else "") + "\n".join(untouched))
    if graded + len(untouched) > 1:
        started = f" ({len(untouched)} not started)" if untouched else ""
        print(f"\nTotal over {graded + len(untouched)} notebooks{started}: {earned:g} / {possible:g} automatic points")
    return 2 if problems else 1 if failed else 0


def _progress(args: argparse.Namespace) -> int:
    from mlpm.progress import find_workspace, progress

    folder = args.workspace or find_workspace(Path.cwd())
    if folder is None:
        from mlpm.lab import default_workspace

        folder = default_workspace()
    if not folder.is_dir():
        print(f"mlpm progress: no workspace at {folder}; start `mlpm lab` first, or pass --workspace",
              file=sys.stderr)
        return 2
    print(f"Your progress in {folder}\n")
    print(progress(folder))
    return 0


def _room(args: argparse.Namespace) -> int:
    from mlpm.room.service import main as room

    return room([*(["--port", str(args.port)] if args.port else []), *(["--db", str(args.db)] if args.db else [])])


def _add_limits(command: argparse.ArgumentParser, cell: int, notebook: int) -> None:
    command.add_argument("--cell-timeout", type=int, default=cell, metavar="SECONDS",
                         help=f"time limit per cell (default: {cell})")
    command.add_argument("--notebook-timeout", type=int, default=notebook, metavar="SECONDS",
                         help=f"time limit per notebook (default: {notebook})")
    command.add_argument("--memory-mb", type=int, default=2048, metavar="MB",
                         help="memory cap per notebook, kernel included (default: 2048; 0: none)")


def parser() -> argparse.ArgumentParser:
    """Build the argument parser for `mlpm`."""
    top = argparse.ArgumentParser(
        prog="mlpm", description="The 'From data scientist to ML product manager' workshop."
    )
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lab = commands.add_parser("lab", help="open JupyterLab on your workspace (your own copies)")
    lab.add_argument("--workspace", type=Path, help="folder for your copies (default: workspace/)")
    lab.add_argument("--port", type=int, default=8888, help="port on 127.0.0.1 (default: 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")
    lab.set_defaults(handler=_lab)

    build = commands.add_parser(
        "build", help="regenerate exercises/ (nbgrader), datasets/ and the README module table"
    )
    build.set_defaults(handler=_build)

    agenda = commands.add_parser("agenda", help="print the one-, two- and three-day agendas, from the modules' minutes")
    agenda.set_defaults(handler=_agenda)

    run = commands.add_parser("run", help="execute every lesson and solution notebook headless")
    run.add_argument("only", nargs="*", help="run only notebooks whose path contains these")
    run.add_argument("--jobs", type=int, help="parallel notebooks (default: one per CPU this process may use)")
    run.add_argument("--output", type=Path, help="folder for executed copies (default: runs/)")
    run.set_defaults(handler=_run)

    grade = commands.add_parser(
        "grade", help="autograde a class's submissions: grades.csv, feedback and a class report"
    )
    grade.add_argument("assignment", help="the assignment, e.g. 01-product-strategy")
    grade.add_argument("submissions", type=Path,
                       help="nbgrader submitted/ folder, or an LMS folder or zip of files named per student")
    grade.add_argument("--output", type=Path, help="folder for the results (default: grading/reports/ASSIGNMENT)")
    grade.add_argument("--jobs", type=int,
                       help="notebooks graded at once (default: one per CPU this process may use, as memory allows)")
    grade.add_argument("--exchange", type=Path, default=Path(os.environ.get("MLPM_EXCHANGE", "/srv/nbgrader/exchange")),
                       help="nbgrader's exchange, to check each submission came from the student's own account "
                            "(default: $MLPM_EXCHANGE, else /srv/nbgrader/exchange; skipped if absent)")
    grade.add_argument("--course", type=Path,
                       help="nbgrader course folder whose gradebook receives the grades (default: grading/)")
    _add_limits(grade, cell=60, notebook=600)
    grade.set_defaults(handler=_grade)

    check = commands.add_parser("check", help="grade your exercise notebooks: points per question")
    check.add_argument("paths", type=Path, nargs="+", metavar="PATH",
                       help="an exercise notebook (.ipynb), or a folder: every exercise notebook in it")
    _add_limits(check, cell=60, notebook=600)
    check.set_defaults(handler=_check)

    progress = commands.add_parser("progress", help="your answers and points so far, module by module")
    progress.add_argument("--workspace", type=Path,
                          help="your workspace (default: the one you are in, else mlpm lab's default)")
    progress.set_defaults(handler=_progress)

    room = commands.add_parser("room", help="the room view, a JupyterHub service (the hub starts it: see deploy/)")
    room.add_argument("--port", type=int, help="port (default: the one in $JUPYTERHUB_SERVICE_URL, else 10101)")
    room.add_argument("--db", type=Path, help="the SQLite file (default: $MLPM_ROOM_DB)")
    room.set_defaults(handler=_room)
    return top


def _skip_iri_format_checker() -> None:
    """Keep jsonschema from loading its optional IRI format checker, which mlpm never uses.

    nbformat imports jsonschema, which imports ``rfc3987_syntax`` when it is installed (Jupyter
    installs it) and builds a grammar: 1.3 s of every `mlpm check`. Without it, jsonschema
    simply does not check the "iri" format; a notebook's own kernel is not affected.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `mlpm` console script."""
    _skip_iri_format_checker()
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
