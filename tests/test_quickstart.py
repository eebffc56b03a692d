"""Does `python3 quickstart.py` explain itself when it cannot set up: an old Python, a failed install?"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
import sys

import pytest

from notebook_tools import ROOT


@pytest.fixture
def quickstart():
    """quickstart.py as a module (it is a script beside the project, not part of the package)."""
    spec = importlib.util.spec_from_file_location("quickstart", ROOT / "quickstart.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_old_python_gets_one_line_and_no_install(quickstart, monkeypatch, capsys):
    """On Python 3.10, does it say in one line what it needs and what it found, before installing anything?"""
    monkeypatch.setattr(sys, "version_info", (3, 10, 13, "final", 0))
    monkeypatch.setattr(sys, "version", "3.10.13 (main)")
    monkeypatch.setattr(quickstart, "ensure_installed", lambda: pytest.fail("installed on an old Python"))

    assert quickstart.main(["lab"]) == 2
    shown = capsys.readouterr().out.strip().splitlines()
    assert len(shown) == 1 and shown[0].startswith("The workshop needs Python 3.11 or newer; this is Python 3.10.13")


def test_a_failed_install_shows_pips_reason(quickstart, monkeypatch, capsys):
    """When pip cannot install, does the learner read pip's own reason, not only that it failed?"""
    impossible = [sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--no-index",
                  "mlpm-no-such-package==1"]
    monkeypatch.setattr(quickstart, "ensure_installed", lambda: quickstart.quietly(impossible))
    monkeypatch.setattr(quickstart, "run", lambda args: pytest.fail("ran the lab after a failed install"))

    assert quickstart.main(["lab"]) == 1
    shown = capsys.readouterr().out
    assert "Installation failed" in shown and "No matching distribution found for mlpm-no-such-package==1" in shown


def _runs(python: str) -> bool:
    """Whether a Python found on PATH runs (a pyenv shim of a version not selected does not)."""
    return subprocess.run([python, "-c", ""], capture_output=True, timeout=30).returncode == 0


OLD_PYTHONS = [path for name in ("python3.6", "python3.7", "python3.8", "python3.9", "python3.10")
               if (path := shutil.which(name)) and _runs(path)]


def test_the_script_parses_as_python_3_6():
    """Does quickstart.py parse as Python 3.6 would, so that an old Python gets the message, not a SyntaxError?"""
    source = (ROOT / "quickstart.py").read_text(encoding="utf-8")
    assert "from __future__ import annotations" not in source  # a SyntaxError before 3.7
    ast.parse(source, feature_version=(3, 6))


@pytest.mark.skipif(not OLD_PYTHONS, reason="no Python older than 3.11 on PATH (python3.6 ... python3.10)")
@pytest.mark.parametrize("python", OLD_PYTHONS)
def test_a_real_old_python_gets_the_one_line_message(python):
    """Run by a real old Python, does quickstart.py print the one line and stop?"""
    result = subprocess.run([python, str(ROOT / "quickstart.py"), "lab"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr == ""
    assert result.stdout.startswith("The workshop needs Python 3.11 or newer") and result.stdout.count("\n") == 1


def test_ci_says_when_npm_is_missing_and_goes_on(tmp_path):
    """Without npm, does `.ci/run` say the hub test will be skipped, instead of stopping on `set -e`?"""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tools = script.split("# The pins must install")[0]  # the part that sets up npm and chromium
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "tools").write_text(tools, encoding="utf-8")
    bin_dir = tmp_path / "bin"  # a PATH with the commands the script uses, and chromium, but no npm
    bin_dir.mkdir()
    for command in ("dirname", "id"):
        (bin_dir / command).symlink_to(shutil.which(command))
    (bin_dir / "chromium").symlink_to(shutil.which("true"))
    result = subprocess.run([shutil.which("bash"), str(tmp_path / ".ci" / "tools")], capture_output=True, text=True,
                            env={"PATH": str(bin_dir)}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("npm is missing (Node.js): the hub test will be skipped")
    assert not (tmp_path / ".ci" / "node").exists()
