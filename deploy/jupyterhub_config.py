"""JupyterHub for a workshop room on one machine whose learners are the machine's Unix accounts.

Run as root from the hub's venv (the README's "Running a workshop for a room" has every step):
    /opt/mlpm-hub/bin/jupyterhub -f /opt/mlpm-hub/jupyterhub_config.py
Settings come from the environment (defaults in brackets):
    MLPM_LEARNERS_GROUP [mlpm-learners], MLPM_INSTRUCTORS_GROUP [mlpm-instructors]: Unix groups
        allowed to log in (PAM: their Unix passwords); instructors are hub admins;
    MLPM_BIND_URL [http://127.0.0.1:8000]: where the hub listens; put a TLS reverse proxy in
        front, or set MLPM_SSL_CERT and MLPM_SSL_KEY to serve HTTPS itself;
    MLPM_STATE_DIR [/srv/jupyterhub]: the hub's database and cookie secret (root only);
    MLPM_EXCHANGE [/srv/nbgrader/exchange], MLPM_COURSE_ID [mlpm-workshop]: nbgrader's exchange;
    MLPM_MEM_LIMIT [1G], MLPM_CPU_LIMIT [1]: per server, enforced (see "Limits" below);
    MLPM_IDLE_TIMEOUT [3600]: seconds before an idle server is stopped;
    MLPM_ROOM_PORT [10101]: where the room view (the mlpm-room service) listens, on 127.0.0.1.

What it sets up:
- each server runs `python -m mlpm.hub` with the hub's own Python (its venv holds the workshop):
  a learner's ~/mlpm-workspace is synced as `mlpm lab` does and the learner lab opens there, with
  nbgrader's Assignments (fetch, submit) and no instructor tools; an instructor gets every
  nbgrader tool on the course in ~/mlpm-workshop/grading (their private checkout);
- every home is made private (0700) before its server starts; the hub's venv bin/ is first on
  every server's PATH (terminals included);
- nbgrader's exchange: the root 1777 (sticky: nobody renames or deletes what others made), the
  course folder created now, owned by the first instructor, so no learner can take it over;
- Limits: with systemd, SystemdSpawner (memory, CPU, every process of a server stopped with it);
  without systemd, mlpm.hub_spawner's cgroups where the kernel lets root write them; else the
  limits are NOT enforced and the log says so;
- jupyterhub-idle-culler stops idle servers;
- the room view (`python -m mlpm.room`, the service mlpm-room in the instructors' Services menu):
  learners' check cells report each outcome to it with their server's own token
  ($MLPM_ROOM_URL); only the hub group "instructors" may open it; its SQLite file is in the
  state folder, root's only.
Under The Littlest JupyterHub (this file in /opt/tljh/config/jupyterhub_config.d/) only the
workshop part applies: TLJH keeps its own users, authenticator, systemd spawner, HTTPS and culler;
the room view is not set up there (TLJH's hub Python has no mlpm).
"""

import grp
import importlib.util
import os
import pwd
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

LEARNERS = os.environ.get("MLPM_LEARNERS_GROUP", "mlpm-learners")
TLJH = sys.prefix == "/opt/tljh/hub"
# TLJH puts its admins in the Unix group jupyterhub-admins: they are the instructors there.
INSTRUCTORS = os.environ.get("MLPM_INSTRUCTORS_GROUP", "jupyterhub-admins" if TLJH else "mlpm-instructors")
COURSE_ID = os.environ.get("MLPM_COURSE_ID", "mlpm-workshop")
EXCHANGE = Path(os.environ.get("MLPM_EXCHANGE", "/srv/nbgrader/exchange"))
STATE = Path(os.environ.get("MLPM_STATE_DIR", "/srv/jupyterhub"))
# The Python every server runs: the hub's own venv, or TLJH's user environment.
PYTHON = "/opt/tljh/user/bin/python3" if TLJH else sys.executable
BIN = str(Path(PYTHON).parent)


def members(group: str) -> list[str]:
    """The Unix accounts in ``group`` (listed in it, or with it as their primary group)."""
    try:
        entry = grp.getgrnam(group)
    except KeyError:
        return []
    primary = [user.pw_name for user in pwd.getpwall() if user.pw_gid == entry.gr_gid]
    return sorted(set(entry.gr_mem) | set(primary))


def system_user(spawner) -> str:
    """The Unix account a hub user's server runs as (TLJH prefixes the hub name with jupyter-)."""
    return f"jupyter-{spawner.user.name}" if TLJH else spawner.user.name


def prepare_user(spawner) -> None:
    """Before a server starts: make the home private, and tell the server its role (read by mlpm.hub)."""
    user = pwd.getpwnam(system_user(spawner))
    if os.path.isdir(user.pw_dir) and os.stat(user.pw_dir).st_uid == user.pw_uid:
        os.chmod(user.pw_dir, 0o700)  # Debian's useradd makes homes 0755: classmates could read them
    instructor = system_user(spawner) in members(INSTRUCTORS)
    env = {"MLPM_ROLE": "instructor" if instructor else "learner"}
    if instructor:  # nbgrader and `mlpm grade` run on the instructor's checkout (the course source)
        env["PYTHONPATH"] = os.path.join(user.pw_dir, "mlpm-workshop", "src")
    spawner.environment = {**spawner.environment, **env}


def prepare_exchange() -> None:
    """nbgrader's exchange: root 1777, the course folder owned by the first instructor."""
    EXCHANGE.mkdir(parents=True, exist_ok=True)
    os.chmod(EXCHANGE, 0o1777)
    course = EXCHANGE / COURSE_ID
    instructors = [pwd.getpwnam(name) for name in members(INSTRUCTORS)]
    if course.exists():
        owner = course.stat().st_uid
        if owner not in {0, *(user.pw_uid for user in instructors)}:
            raise SystemExit(f"{course} belongs to uid {owner}, not to an instructor: someone took over the "
                             "course's exchange folder. Remove it, then start the hub again.")
        return
    if not instructors:
        message = f"No instructor: add the course's instructor to the Unix group {INSTRUCTORS!r}"
        if TLJH:  # TLJH makes the admin's account at their first login
            print(f"mlpm: {message} (log in as the admin once, then `sudo tljh-config reload`)", file=sys.stderr)
            return
        raise SystemExit(message)
    owner = instructors[0]
    # outbound: only the instructor releases; inbound: learners drop submissions in, cannot list
    # them, and (sticky) cannot remove another's (what `nbgrader release_assignment` would make).
    for folder, mode in ((course, 0o755), (course / "outbound", 0o755), (course / "inbound", 0o3733)):
        folder.mkdir()
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        os.chmod(folder, mode)


# The workshop, on any route.
c.Spawner.cmd = [PYTHON, "-m", "mlpm.hub"]
c.Spawner.default_url = "/lab"
# A room logging in at once starts many servers together: on 2 busy cores ten took two
# minutes (benchmarks/hub_sizing.py), past JupyterHub's default 60 s start timeout.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {
    "MLPM_COURSE_ID": COURSE_ID,
    "MLPM_EXCHANGE": str(EXCHANGE),
    # mlpm and nbgrader in every terminal (mlpm.hub opens terminals as non-login shells, which
    # keep this PATH; a login shell resets it, see /etc/profile.d/mlpm-hub.sh in the README).
    "PATH": os.pathsep.join([BIN, "/usr/local/bin", "/usr/bin", "/bin"]),
}
c.Spawner.pre_spawn_hook = prepare_user
# About 0.3 GiB per learner with a lesson running (README, "Sizing"); 1 GiB leaves room.
c.Spawner.mem_limit = os.environ.get("MLPM_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("MLPM_CPU_LIMIT", "1"))

if not TLJH:
    c.JupyterHub.load_groups = {"instructors": {"users": members(INSTRUCTORS)}}
    c.Authenticator.admin_users = set(members(INSTRUCTORS))
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.allowed_groups = {LEARNERS, INSTRUCTORS}
    c.PAMAuthenticator.admin_groups = {INSTRUCTORS}

    c.JupyterHub.bind_url = os.environ.get("MLPM_BIND_URL", "http://127.0.0.1:8000")
    if os.environ.get("MLPM_SSL_CERT"):
        c.JupyterHub.ssl_cert = os.environ["MLPM_SSL_CERT"]
        c.JupyterHub.ssl_key = os.environ["MLPM_SSL_KEY"]

    # Hub state outside any checkout, readable by root only.
    STATE.mkdir(parents=True, exist_ok=True)
    os.chmod(STATE, 0o700)
    c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
    c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

    systemd = os.path.isdir("/run/systemd/system") and shutil.which("systemd-run")
    if systemd and importlib.util.find_spec("systemdspawner"):
        c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"  # pip install jupyterhub-systemdspawner
        c.SystemdSpawner.unit_name_template = "mlpm-{USERNAME}"
        c.SystemdSpawner.default_shell = "/bin/bash"
        c.SystemdSpawner.isolate_tmp = True
        c.SystemdSpawner.disable_user_sudo = True
    else:
        from mlpm import hub_spawner

        if hub_spawner.available():
            c.JupyterHub.spawner_class = hub_spawner.CgroupSpawner
        else:
            print("mlpm: no systemd (with jupyterhub-systemdspawner) and no writable cgroup v1 here: "
                  "memory and CPU limits are NOT enforced", file=sys.stderr)

    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={os.environ.get('MLPM_IDLE_TIMEOUT', '3600')}"],
    }]
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]

    # The room view. Learners' kernels post to it directly (no proxy hop) with the server's
    # token, which identifies them: it needs no extra scope. Opening the page needs access to
    # the service, which only the instructors' role has (the service also checks the group).
    room = f"http://127.0.0.1:{int(os.environ.get('MLPM_ROOM_PORT', '10101'))}"
    c.JupyterHub.services.append({
        "name": "mlpm-room",
        "url": room,
        "command": [sys.executable, "-m", "mlpm.room"],
        "oauth_no_confirm": True,
        "environment": {"MLPM_ROOM_DB": str(STATE / "mlpm-room.sqlite"), "MLPM_ROOM_GROUP": "instructors"},
    })
    c.JupyterHub.load_roles.append({
        "name": "mlpm-room-instructors",
        "scopes": ["access:services!service=mlpm-room"],
        "groups": ["instructors"],
    })
    c.Spawner.environment["MLPM_ROOM_URL"] = f"{room}/services/mlpm-room/api/results"

prepare_exchange()
