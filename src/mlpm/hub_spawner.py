"""JupyterHub's local spawner with the memory and CPU limits enforced, for machines without systemd.

JupyterHub's LocalProcessSpawner only hands ``mem_limit`` and ``cpu_limit`` to the server as
environment variables. Where systemd runs the machine, deploy/jupyterhub_config.py uses
SystemdSpawner (a unit per server, with MemoryMax and CPUQuota). Where it does not (a container,
a CI machine) but the cgroup v1 memory and cpu controllers can be written, this spawner puts each
server and everything it starts in a cgroup of its own under the hub's, with the limits, and
when the server stops kills whatever is left in it (a process started with ``setsid`` would
otherwise outlive the server).
"""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

CGROUP = Path("/sys/fs/cgroup")
CPU_PERIOD_US = 100_000


def _own(controller: str) -> Path | None:
    """This process's cgroup v1 folder of ``controller``, or None."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return CGROUP / controller / path.lstrip("/")
    return None


def available() -> bool:
    """Whether the cgroup v1 memory and cpu controllers can be written here (as root)."""
    try:
        folders = [_own("memory"), _own("cpu")]
    except OSError:
        return False
    return all(f is not None and (f / "cgroup.procs").is_file() and os.access(f, os.W_OK) for f in folders)


class CgroupSpawner(LocalProcessSpawner):
    """A LocalProcessSpawner whose servers each run in a cgroup with the spawner's limits."""

    def cgroups(self) -> list[Path]:
        """The server's memory and cpu cgroup folders."""
        return [_own(controller) / f"mlpm-{self.user.name}" for controller in ("memory", "cpu")]

    def make_preexec_fn(self, name):
        memory, cpu = self.cgroups()
        for folder in (memory, cpu):
            folder.mkdir(exist_ok=True)
        if self.mem_limit:
            (memory / "memory.limit_in_bytes").write_text(str(self.mem_limit))
        if self.cpu_limit:
            (cpu / "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
            (cpu / "cpu.cfs_quota_us").write_text(str(int(self.cpu_limit * CPU_PERIOD_US)))
        become_user = super().make_preexec_fn(name)

        def preexec() -> None:  # in the child, before it drops root
            for folder in (memory, cpu):
                (folder / "cgroup.procs").write_text(str(os.getpid()))
            become_user()

        return preexec

    async def stop(self, now: bool = False) -> None:
        """Stop the server as JupyterHub does, then kill what is left in its cgroups and remove them."""
        await super().stop(now=now)
        for folder in self.cgroups():
            if not folder.is_dir():
                continue
            for pid in (folder / "cgroup.procs").read_text().split():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
            for _ in range(50):  # the killed processes leave the cgroup within moments
                try:
                    folder.rmdir()
                    break
                except OSError:
                    await asyncio.sleep(0.1)
