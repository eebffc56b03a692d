#!/usr/bin/env python3
"""Set up the workshop in .venv/ and run it: `python3 quickstart.py lab` or `... test`.

Needs only Python 3.11+. The first run creates .venv/ and installs the project with the
exact versions in constraints.txt; later runs reuse it unless pyproject.toml or
constraints.txt changed. Extra arguments are passed on to `mlpm lab` or to pytest.
"""

import hashlib
import os
import signal
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
STAMP = VENV / ".quickstart-stamp"
USAGE = "usage: python3 quickstart.py {lab|test} [arguments for mlpm lab or pytest]"


def venv_python() -> Path:
    """The virtual environment's interpreter, on Windows or elsewhere."""
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def wanted_stamp() -> str:
    """A fingerprint of what should be installed: the project's dependency files."""
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()


class InstallFailed(Exception):
    """A setup step failed; the message is what the learner needs to read (pip's reason)."""


def quietly(command: "list[str]") -> None:
    """Run a setup command, showing nothing unless it fails; then raise with the end of its output."""
    result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace")
    if result.returncode:
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        raise InstallFailed("\n".join(lines[-30:]) or f"{command[0]} exited with code {result.returncode}")


def ensure_installed() -> None:
    """Create .venv/ and install the project with its test extra, unless already up to date."""
    stamp = wanted_stamp()
    if venv_python().exists() and STAMP.exists() and STAMP.read_text() == stamp:
        return
    if not venv_python().exists():
        print("Creating the virtual environment in .venv/ ...", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except subprocess.CalledProcessError:
            raise InstallFailed("This Python cannot create a virtual environment with pip in it. On Debian or "
                                "Ubuntu: sudo apt install python3-venv, then delete .venv/ and run this "
                                "again.") from None
    print("Installing the workshop and its dependencies (first run: a minute or two) ...", flush=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check"]
    quietly(pip + ["--upgrade", "pip"])
    quietly(pip + ["-c", str(HERE / "constraints.txt"), "-e", f"{HERE}[test]"])
    STAMP.write_text(stamp)


def run(args: "list[str]") -> int:
    """Run ``args`` to the end. The terminal's Ctrl+C reaches the child too, which stops cleanly,
    so here it only must not interrupt the wait."""
    previous = signal.signal(signal.SIGINT, lambda signum, frame: None)
    try:
        return subprocess.call(args, cwd=HERE)
    finally:
        signal.signal(signal.SIGINT, previous)


def main(argv: "list[str]") -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain itself on old Pythons
        print(f"The workshop needs Python 3.11 or newer; this is Python {sys.version.split()[0]} ({sys.executable}).")
        return 2
    if not argv or argv[0] not in ("lab", "test"):
        print(USAGE)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        ensure_installed()
    except InstallFailed as error:
        print(f"\nInstallation failed. What it said:\n\n{error}\n\nFix that and run this again.")
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted; run this again to finish setting up.")
        return 130
    if command == "lab":
        args = [str(venv_python()), "-m", "mlpm", "lab", *rest]
    else:
        args = [str(venv_python()), "-m", "pytest", "-n", "auto", "--dist", "loadfile", *rest]
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
