"""Where the workshop's content lives: a source checkout, or the copy packaged in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path | None:
    """Return the root of the source checkout this package runs from, or None if installed."""
    candidate = _PACKAGE_DIR.parents[1]
    if (candidate / "pyproject.toml").is_file() and (candidate / "solutions").is_dir():
        return candidate
    return None


def content_dir(name: str) -> Path:
    """Return the folder holding ``datasets``, ``notebooks`` or ``exercises``.

    A source checkout (editable install) uses its own folders; an installed wheel
    uses the copies packaged under ``mlpm/content``.
    """
    root = project_root()
    folder = (root / name) if root else (_PACKAGE_DIR / "content" / name)
    if not folder.is_dir():
        raise FileNotFoundError(f"The workshop's {name!r} folder is missing: looked in {folder}")
    return folder


def require_project_root() -> Path:
    """Return the source checkout's root, or explain that the command needs one."""
    root = project_root()
    if root is None:
        raise SystemExit(
            "This command needs the workshop's source checkout (git clone the project and "
            "install it with `pip install -e .`)."
        )
    return root
