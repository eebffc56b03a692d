"""Does grading start as many workers as the CPUs and memory this process may really use?"""

from __future__ import annotations

import pytest

from mlpm import resources
from mlpm.grading import autograde


@pytest.fixture
def cgroups(tmp_path, monkeypatch):
    """A fake /sys/fs/cgroup with this process in ``/pod``; returns the folder to write limits in."""
    monkeypatch.setattr(resources, "CGROUP", tmp_path)
    monkeypatch.setattr(resources, "_own_cgroups", lambda: {"": "/pod"})
    (tmp_path / "pod").mkdir()
    return tmp_path / "pod"


def test_a_cpu_quota_caps_the_cpus(cgroups, monkeypatch):
    """Does a pod limited to 1.5 CPUs on a 16-core node count 2 CPUs, and an unlimited one its affinity?"""
    monkeypatch.setattr(resources.os, "sched_getaffinity", lambda pid: set(range(16)))
    (cgroups / "cpu.max").write_text("max 100000\n")
    assert resources.usable_cpus() == 16
    (cgroups / "cpu.max").write_text("150000 100000\n")
    assert resources.cpu_quota() == 1.5
    assert resources.usable_cpus() == 2


def test_cgroup_v1_limits_are_read_up_the_tree(tmp_path, monkeypatch):
    """Does a v1 memory limit set on a parent cgroup count, and v1's 'no limit' number not?"""
    monkeypatch.setattr(resources, "CGROUP", tmp_path)
    monkeypatch.setattr(resources, "_own_cgroups", lambda: {"memory": "/pods/one", "cpu": "/"})
    (tmp_path / "memory" / "pods" / "one").mkdir(parents=True)
    (tmp_path / "memory" / "pods" / "one" / "memory.limit_in_bytes").write_text("9223372036854771712\n")
    assert resources.memory_limit() is None
    (tmp_path / "memory" / "pods" / "memory.limit_in_bytes").write_text(f"{2**30}\n")
    assert resources.memory_limit() == 2**30


def test_workers_fit_the_memory_limit(cgroups, monkeypatch):
    """In a 1 GiB pod with 4 CPUs of which 0.3 GiB is used, is one grading worker started, not four?"""
    monkeypatch.setattr(resources.os, "sched_getaffinity", lambda pid: set(range(4)))
    (cgroups / "memory.max").write_text(f"{2**30}\n")
    (cgroups / "memory.current").write_text(f"{3 * 2**30 // 10}\n")
    assert autograde.default_jobs() == 1
    (cgroups / "memory.max").write_text("max\n")
    assert autograde.default_jobs() == min(4, resources.available_memory() // autograde.WORKER_MEMORY)
