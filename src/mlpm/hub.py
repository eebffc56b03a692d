"""JupyterHub: start each user's server, a learner's on their workspace set up as `mlpm lab` does.

The hub runs ``python3 -m mlpm.hub`` in place of ``jupyterhub-singleuser`` (see ``deploy/``).
It runs as the user, so every copy it makes is theirs. A learner's workspace is synced on each
spawn (new notebooks in, their edits kept) and their lab has no instructor tools; where the hub
has nbgrader's exchange (``$MLPM_EXCHANGE`` exists), nbgrader's Assignments (menu and list)
fetch into and submit from the workspace's ``exercises/``; where it has none (the Kubernetes
route hands in through the LMS) the learner lab is the one `mlpm lab` opens. An instructor
gets every nbgrader tool on the course. The hub says which role a server has (``MLPM_ROLE``,
set by deploy/'s pre-spawn hook); the settings every server shares are in ``hub_config/``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mlpm.lab import INSTRUCTOR_EXTENSIONS, LEARNER_CONFIG, prepare

HUB_CONFIG = Path(__file__).resolve().parent / "hub_config"
ROLES = ("learner", "instructor")
ASSIGNMENT_LIST = "nbgrader.server_extensions.assignment_list"
DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"


def has_exchange() -> bool:
    """Whether the hub has nbgrader's exchange folder (``$MLPM_EXCHANGE``) for learners to fetch and submit."""
    return Path(os.environ.get("MLPM_EXCHANGE", DEFAULT_EXCHANGE)).is_dir()


def config_path(role: str, exchange: bool = True) -> list[Path]:
    """Return the Jupyter config folders of a role, highest priority first.

    A learner's lab gets ``hub_config/learner`` (nbgrader's Assignments) only with an exchange.
    """
    if role == "learner":
        return [*([HUB_CONFIG / "learner"] if exchange else []), HUB_CONFIG, LEARNER_CONFIG]
    return [HUB_CONFIG / "instructor", HUB_CONFIG]


def workspace_folder() -> Path:
    """Return the learner's workspace: ``$MLPM_WORKSPACE``, by default ``~/mlpm-workspace``."""
    return Path(os.environ.get("MLPM_WORKSPACE", "~/mlpm-workspace")).expanduser()


def singleuser_command(role: str, workspace: Path, argv: list[str], exchange: bool = True) -> list[str]:
    """Return the single-user server's command line for ``role``, with the hub's arguments."""
    command = [sys.executable, "-m", "jupyterhub.singleuser", *argv]
    if role == "learner":
        command.append(f"--ServerApp.root_dir={workspace}")
        for extension in INSTRUCTOR_EXTENSIONS:
            if exchange and extension == ASSIGNMENT_LIST:  # learners fetch and submit from their lab
                continue
            command += ["--ServerApp.jpserver_extensions", f"{extension}=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # a test hub; real hubs never spawn root
        command.append("--allow-root")
    return command


def main(argv: list[str] | None = None) -> None:
    """Set up the user's server for their role, then become it."""
    argv = sys.argv[1:] if argv is None else argv
    role = os.environ.get("MLPM_ROLE", "learner")
    if role not in ROLES:
        raise SystemExit(f"MLPM_ROLE must be one of {', '.join(ROLES)}, not {role!r}")
    workspace = workspace_folder()
    if role == "learner":
        print(f"Workspace {workspace}: {prepare(workspace).summary()}", flush=True)
    exchange = has_exchange()
    folders = [str(p) for p in config_path(role, exchange)] + [p for p in [os.environ.get("JUPYTER_CONFIG_PATH")] if p]
    os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(folders)
    command = singleuser_command(role, workspace, argv, exchange)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
