"""JupyterHub for a workshop room on one machine: every user gets the workshop, set up on spawn.

Use it with The Littlest JupyterHub (TLJH: users, passwords, HTTPS, memory limits and idle
culling come with it): copy this file to /opt/tljh/config/jupyterhub_config.d/mlpm.py and run
`sudo tljh-config reload`. Or with plain JupyterHub, as root, where users are the machine's
accounts: `jupyterhub -f deploy/jupyterhub_config.py`. The README's section "Running a workshop
for a room" has the commands. The workshop must be installed in the Python the users' servers
run (`python3` on their PATH; TLJH: `sudo -E pip install ...`).

What it sets up:
- each server runs `python3 -m mlpm.hub`, which syncs a learner's ~/mlpm-workspace exactly as
  `mlpm lab` does (new notebooks in, the learner's edits never overwritten) and starts the
  learner lab: no instructor tools, and nbgrader's Assignments tab to fetch and submit;
- the hub group `instructors` (the users in MLPM_INSTRUCTORS) get formgrader and the course in
  ~/mlpm-workshop/grading (a checkout of the project) and are hub admins;
- nbgrader's exchange: a folder every user can write to, created here if missing.
"""

import os

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

# Settings you may change (or set in the hub's environment).
COURSE_ID = os.environ.get("MLPM_COURSE_ID", "mlpm-workshop")
EXCHANGE = os.environ.get("MLPM_EXCHANGE", "/srv/nbgrader/exchange")
INSTRUCTORS = [name for name in os.environ.get("MLPM_INSTRUCTORS", "instructor").split(",") if name]

# nbgrader's exchange: release, fetch, submit and collect go through this folder.
os.makedirs(EXCHANGE, exist_ok=True)
os.chmod(EXCHANGE, 0o777)

c.JupyterHub.load_groups = {"instructors": {"users": INSTRUCTORS}}
c.Authenticator.admin_users = set(INSTRUCTORS)

c.Spawner.cmd = ["python3", "-m", "mlpm.hub"]
# A room logging in at once starts many servers together: on 2 busy cores ten took two
# minutes (benchmarks/hub_sizing.py), past JupyterHub's default 60 s start timeout.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.default_url = "/lab"
c.Spawner.environment = {"MLPM_COURSE_ID": COURSE_ID, "MLPM_EXCHANGE": EXCHANGE}
# Enforced by TLJH's SystemdSpawner, ignored by the plain LocalProcessSpawner: see the sizing
# table in the README (about 0.3 GiB per learner with a lesson running; 1 GiB leaves room).
c.Spawner.mem_limit = "1G"


def set_role(spawner):
    """Tell the server its role (read by mlpm.hub): instructor for the group, else learner."""
    groups = {group.name for group in spawner.user.groups}
    role = "instructor" if "instructors" in groups else "learner"
    spawner.environment = {**spawner.environment, "MLPM_ROLE": role}


c.Spawner.pre_spawn_hook = set_role
