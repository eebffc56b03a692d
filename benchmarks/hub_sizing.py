"""Size a room: time to spawn N learner servers on JupyterHub, and memory and CPU per learner.

Usage: sudo python benchmarks/hub_sizing.py [--sizes 1 5 10] [--runs 3] [--learners 3]
Needs root and configurable-http-proxy in .ci/node/ (.ci/run installs it).

Spawn: two hubs as the hub test starts them (tests/hub_tools.py: deploy/jupyterhub_config.py,
real Unix accounts, removed at the end), one running servers through ``mlpm.hub`` (the deployed
set-up: the learner's workspace synced on first spawn, the learner lab), the other plain
``jupyterhub-singleuser`` (no workspace, every nbgrader tool): the alternative, to show what
the set-up costs. For each N, N new learners' servers start at once and are timed until all
answer, then stopped; the two hubs alternate, and each figure is the median of --runs.

Memory and CPU: on the mlpm.hub hub, --learners learners each run the module 03 lesson (the
heaviest: daily data, a counterfactual model, plots) in a kernel of their own server, one after
another. Per learner after the run: resident memory (RSS) and unique memory (USS, what the
learner alone adds) of server plus kernel, and the kernel's CPU seconds for the lesson.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import psutil
from jupyter_client import BlockingKernelClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hub_tools import PYTHON, Hub, Room, why_not  # noqa: E402 - the hub test's helper

LESSON = "03-measuring-impact.ipynb"
# The alternative: JupyterHub's own single-user server.
PLAIN = f"c.Spawner.cmd = {[str(PYTHON), '-m', 'jupyterhub.singleuser']!r}\n"
MIB = 2**20


def time_spawn(hub: Hub, users: list[str]) -> float:
    """Seconds from asking for every user's server to all of them answering; then stop them."""
    start = time.perf_counter()
    hub.start_servers(users)
    seconds = time.perf_counter() - start
    hub.stop_servers()
    return seconds


def user_processes(hub: Hub, user: str) -> list[psutil.Process]:
    """The user's server and its kernels (every process with the user's JUPYTERHUB_USER)."""
    found = []
    for process in hub.processes():
        try:
            if process.environ().get("JUPYTERHUB_USER") == user:
                found.append(process)
        except psutil.Error:
            continue
    return found


def run_lesson(hub: Hub, user: str) -> dict[str, float]:
    """Run the lesson's code cells in a new kernel of the user's server; return its footprint."""
    code, body = hub.request(f"/user/{user}/api/kernels", "POST", {"name": "python3"})
    assert code == 201, f"starting a kernel for {user}: {code} {body[:200]!r}"
    kernel_id = json.loads(body)["id"]
    connection = hub.room.home(user) / ".local" / "share" / "jupyter" / "runtime" / f"kernel-{kernel_id}.json"
    client = BlockingKernelClient(connection_file=str(connection))
    client.load_connection_file()
    client.start_channels(hb=False)  # heartbeats can lag on a busy machine; the reply is the proof
    client.wait_for_ready(timeout=120)
    kernel = next(p for p in user_processes(hub, user) if "ipykernel" in " ".join(p.cmdline()))
    cpu_before = sum(kernel.cpu_times()[:2])
    start = time.perf_counter()
    notebook = json.loads((hub.room.home(user) / "mlpm-workspace" / "lessons" / LESSON).read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            reply = client.execute_interactive("".join(cell["source"]), timeout=300, output_hook=lambda msg: None)
            assert reply["content"]["status"] == "ok", reply["content"]
    seconds = time.perf_counter() - start
    cpu = sum(kernel.cpu_times()[:2]) - cpu_before
    client.stop_channels()
    memory = [p.memory_full_info() for p in user_processes(hub, user)]
    return {"rss": sum(m.rss for m in memory) / MIB, "uss": sum(m.uss for m in memory) / MIB,
            "cpu": cpu, "seconds": seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 5, 10], help="none: skip the spawn timing")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--learners", type=int, default=3)
    args = parser.parse_args()
    if why_not():
        print(f"Cannot run: {why_not()}.")
        return 2
    names = {(run, n, variant): [f"s{run}x{n}x{variant[0]}{i}" for i in range(n)]
             for run in range(args.runs) for n in args.sizes for variant in ("mlpm.hub", "plain")}
    room = Room([name for users in names.values() for name in users] + [f"l{i}" for i in range(args.learners)])
    hubs = {"mlpm.hub": Hub(room), "plain": Hub(room, PLAIN)}
    times: dict[tuple[str, int], list[float]] = {}
    try:
        room.create()
        for hub in hubs.values():
            hub.start()
        for run in range(args.runs):
            for n in args.sizes:
                for variant, hub in hubs.items():
                    users = [name + room.tag for name in names[run, n, variant]]
                    times.setdefault((variant, n), []).append(time_spawn(hub, users))
                    print(f"run {run + 1}: {n:>2} servers, {variant:<8} {times[variant, n][-1]:5.1f} s", flush=True)
        if args.sizes:
            print(f"\nSpawn: seconds until every server answers (median of {args.runs}; "
                  f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB)")
            print(f"{'servers':>7}  {'mlpm.hub':>8}  {'plain':>6}  ratio  per server (mlpm.hub)")
        for n in args.sizes:
            ours, plain = (statistics.median(times[v, n]) for v in hubs)
            print(f"{n:>7}  {ours:8.1f}  {plain:6.1f}  {ours / plain:5.2f}  {ours / n:5.1f}")

        hub = hubs["mlpm.hub"]
        learners = room.learners[-args.learners:]
        hub.start_servers(learners)
        footprints = [run_lesson(hub, user) for user in learners]
        print(f"\nPer learner with {LESSON} run in a kernel (median of {args.learners} learners)")
        for key, label in (("rss", "RSS, server + kernel (MiB)"), ("uss", "USS, server + kernel (MiB)"),
                           ("cpu", "kernel CPU for the lesson (s)"), ("seconds", "lesson wall time (s)")):
            values = [f[key] for f in footprints]
            print(f"{label:<32} {statistics.median(values):7.1f}  (all: {', '.join(f'{v:.1f}' for v in values)})")
    finally:
        for hub in hubs.values():
            if hub.process is not None:
                hub.stop()
            hub.close()
        room.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
