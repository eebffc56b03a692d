"""The CPUs and memory this process may use: its CPU affinity, and its cgroup's quota and limit.

``os.cpu_count()`` counts the machine's cores; in a container (a Kubernetes pod with a CPU limit
of 1 on a 16-core node) or under ``taskset`` a process may use far fewer, and starting one
grading worker per core would only make them wait for each other and run out of memory.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import psutil

CGROUP = Path("/sys/fs/cgroup")


def _own_cgroups() -> dict[str, str]:
    """This process's cgroup per controller ("" for cgroup v2), from /proc/self/cgroup."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return {}
    found = {}
    for line in lines:
        _, controllers, path = line.split(":", 2)
        for controller in controllers.split(",") if controllers else [""]:
            found[controller] = path
    return found


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def _cgroup_files(controller: str, v1_name: str, v2_name: str) -> list[tuple[Path, str]]:
    """The limit files of this process's cgroup and its parents: (folder, file name)."""
    own = _own_cgroups()
    candidates = []
    if controller in own:  # cgroup v1: /sys/fs/cgroup/<controller>/<path>
        candidates.append((CGROUP / controller, own[controller], v1_name))
    if "" in own:  # cgroup v2: /sys/fs/cgroup/<path>, or /sys/fs/cgroup/unified in a hybrid set-up
        for top in (CGROUP, CGROUP / "unified"):
            candidates.append((top, own[""], v2_name))
    files = []
    for top, path, name in candidates:
        folder = top / path.lstrip("/")
        while True:
            if (folder / name).is_file():
                files.append((folder, name))
            if folder == top or top not in folder.parents:
                break
            folder = folder.parent
    return files


def cpu_quota() -> float | None:
    """CPUs allowed by the tightest cgroup CPU quota on this process, or None if there is none."""
    quotas = []
    for folder, name in _cgroup_files("cpu", "cpu.cfs_quota_us", "cpu.max"):
        if name == "cpu.max":
            quota, _, period = (_read(folder / name) or "max").partition(" ")
        else:
            quota, period = _read(folder / name) or "-1", _read(folder / "cpu.cfs_period_us") or "0"
        if quota not in ("max", "-1") and float(period or 0) > 0:
            quotas.append(float(quota) / float(period))
    return min(quotas) if quotas else None


def usable_cpus() -> int:
    """CPUs this process may run on: its affinity, capped by a cgroup CPU quota (at least 1)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    quota = cpu_quota()
    if quota is not None:
        cpus = min(cpus, math.ceil(quota))
    return max(1, cpus)


def memory_limit() -> int | None:
    """Bytes of memory the tightest cgroup limit on this process allows, or None if unlimited."""
    limits = []
    for folder, name in _cgroup_files("memory", "memory.limit_in_bytes", "memory.max"):
        value = _read(folder / name)
        if value and value != "max" and int(value) < 2**60:  # v1 writes "no limit" as a huge number
            limits.append(int(value))
    return min(limits) if limits else None


def available_memory() -> int:
    """Bytes this process may still use: the machine's available memory, capped by its cgroup's limit."""
    available = psutil.virtual_memory().available
    limit = memory_limit()
    if limit is not None:
        used = next((int(v) for folder, name in _cgroup_files("memory", "memory.usage_in_bytes", "memory.current")
                     if (v := _read(folder / name))), 0)
        available = min(available, max(0, limit - used))
    return available
