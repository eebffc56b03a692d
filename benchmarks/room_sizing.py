"""Size the room view: 100 learners each running a check cell every 20 s against the real service.

Usage: python benchmarks/room_sizing.py [--learners 100] [--interval 20] [--minutes 3]

The service is the real ``mlpm.room`` application (store, grid, stuck rule, one-second flush to
the pages), started in a process of its own by ``tests/room_standalone.py``, which stands in for
the hub's token check only. Learners are simulated at the real pace, not compressed: each posts
the protocol's body with a token of its own every ``--interval`` seconds (first posts spread over
the first interval), working through module 01's questions (a question passes with the learner's
chance, else fails with one of a few masked messages, so some get stuck). One instructor's page
listens to ``api/events``, as the browser does.

Prints: the service process's CPU (share of one core, over the run and the busiest 10 s) and
resident memory (after start, peak, at the end; psutil), the POSTs' round trip, and the page's
update delay: from just before a POST to the server-sent event that carries that learner's cell
(median, 95th percentile, maximum).
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from room_standalone import INSTRUCTOR, start  # noqa: E402 - the tests' stand-in for the hub

MODULE = "01-product-strategy"
QUESTIONS = [str(number) for number in range(1, 10)]
MESSAGES = ["`opportunity_scores(toy)` is not right yet. Reach is a share of all interviewees.",
            "`okr['key_results'][…]['deadline']` is …, after the quarter ends (…).",
            "Your code raised KeyError in `rice_scores` (…). Run it in a cell of its own to see the full error.",
            "`top_pain_point` is not defined yet. Write your answer in the cell above, run it, then run this check."]
MIB = 2**20


class Learner:
    """One simulated learner: a token, a question in progress, and a chance to pass each run."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.name = f"learner{number:03d}"
        self.token = f"learner-{self.name}"
        self.skill = rng.uniform(0.2, 0.8)
        self.at = 0

    def next_body(self, rng: random.Random) -> dict:
        question = QUESTIONS[self.at % len(QUESTIONS)]
        passed = rng.random() < self.skill
        if passed:
            self.at += 1
            status, message, points, checks = "passed", None, 3.0, 3
        else:
            status = rng.choice(["failed", "partial", "unanswered"])
            message, checks = rng.choice(MESSAGES), {"failed": 0, "partial": 2, "unanswered": 0}[status]
            points = {"failed": 0.0, "partial": 1.5, "unanswered": 0.0}[status]
        return {"module": MODULE, "question": question, "points": points, "max_points": 3.0, "passed": checks,
                "total": 3, "status": status, "message": message,
                "sent": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


class Page:
    """The instructor's page: reads api/events and times each learner's cell from its POST."""

    def __init__(self, base: str) -> None:
        self.pending: dict[tuple[str, str], float] = {}
        self.delays: list[float] = []
        self.events = self.bytes = 0
        self.lock = threading.Lock()
        request = urllib.request.Request(base + "api/events", headers={"Authorization": f"token {INSTRUCTOR}"})
        self.stream = urllib.request.urlopen(request, timeout=60)
        threading.Thread(target=self._read, daemon=True).start()

    def posting(self, user: str, question: str) -> None:
        with self.lock:
            self.pending.setdefault((user, question), time.monotonic())

    def _read(self) -> None:
        try:
            for raw in self.stream:
                line = raw.decode("utf-8").rstrip("\n")
                if not line.startswith("data: "):
                    continue
                arrived = time.monotonic()
                data = json.loads(line[len("data: "):])
                with self.lock:
                    self.events += 1
                    self.bytes += len(raw)
                    for cell in data.get("cells", []):
                        sent = self.pending.pop((cell["user"], cell["question"]), None)
                        if sent is not None:
                            self.delays.append(arrived - sent)
        except Exception:  # noqa: BLE001, S110 - the stream closed under the reader at the end of the run
            pass


def post(base: str, learner: Learner, body: dict, page: Page, trips: list[float], codes: list[int]) -> None:
    request = urllib.request.Request(base + "api/results", data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"token {learner.token}",
                                              "Content-Type": "application/json"})
    page.posting(learner.name, body["question"])
    start_ = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            codes.append(response.status)
    except urllib.error.HTTPError as error:
        codes.append(error.code)
    except OSError:
        codes.append(0)
    trips.append(time.monotonic() - start_)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--interval", type=float, default=20.0, help="seconds between one learner's check cells")
    parser.add_argument("--minutes", type=float, default=3.0)
    args = parser.parse_args()
    rng = random.Random(25)

    with tempfile.TemporaryDirectory(prefix="mlpm-room-sizing-") as folder:
        process, base = start(Path(folder) / "room.sqlite")
        service = psutil.Process(process.pid)
        try:
            time.sleep(1)
            rss_start = service.memory_info().rss
            page = Page(base)
            learners = [Learner(number, rng) for number in range(args.learners)]
            schedule = [(rng.uniform(0, args.interval), index) for index in range(len(learners))]
            heapq.heapify(schedule)
            trips: list[float] = []
            codes: list[int] = []
            cpu_start, began = service.cpu_times(), time.monotonic()
            end = began + args.minutes * 60
            samples: list[tuple[float, float, int]] = []  # (time, cpu seconds, rss)
            next_sample = began
            with ThreadPoolExecutor(max_workers=16) as pool:
                while schedule[0][0] + began < end:
                    due, index = heapq.heappop(schedule)
                    while time.monotonic() < began + due:
                        if time.monotonic() >= next_sample:
                            cpu = service.cpu_times()
                            samples.append((time.monotonic(), cpu.user + cpu.system, service.memory_info().rss))
                            next_sample += 1.0
                        time.sleep(min(0.01, max(0.0, began + due - time.monotonic())))
                    learner = learners[index]
                    pool.submit(post, base, learner, learner.next_body(rng), page, trips, codes)
                    heapq.heappush(schedule, (due + args.interval, index))
            time.sleep(2)  # the last flush reaches the page
            cpu_end, ended = service.cpu_times(), time.monotonic()
            rss_end = service.memory_info().rss
            page.stream.close()
        finally:
            process.terminate()
            process.wait()
        db_size = sum(path.stat().st_size for path in Path(folder).glob("room.sqlite*"))  # with its WAL

    seconds = ended - began
    cpu = (cpu_end.user + cpu_end.system) - (cpu_start.user + cpu_start.system)
    windows = [(b[1] - a[1]) / (b[0] - a[0]) for a, b in zip(samples, samples[10:], strict=False)]
    rss_peak = max([rss_start, rss_end, *(rss for _, _, rss in samples)])
    print(f"{args.learners} learners, a check cell each every {args.interval:g} s, for {seconds:.0f} s "
          f"({len(codes)} posts, {len(codes) / seconds:.1f} a second); one instructor page on api/events\n")
    print("| figure | value |")
    print("|---|---:|")
    print(f"| service CPU, mean over the run (share of one core) | {100 * cpu / seconds:.1f} % |")
    print(f"| service CPU, busiest 10 s | {100 * max(windows, default=0):.1f} % |")
    print(f"| service RSS after start / peak / end | {rss_start / MIB:.0f} / {rss_peak / MIB:.0f} / "
          f"{rss_end / MIB:.0f} MiB |")
    print(f"| SQLite files at the end | {db_size / 1024:.0f} KiB |")
    print(f"| POST answered 204 | {codes.count(204)} of {len(codes)} |")
    print(f"| POST round trip, median / p95 | {1000 * statistics.median(trips):.1f} / "
          f"{1000 * percentile(trips, 0.95):.1f} ms |")
    print(f"| page update delay (POST to event), median / p95 / max | {statistics.median(page.delays):.2f} / "
          f"{percentile(page.delays, 0.95):.2f} / {max(page.delays):.2f} s |")
    print(f"| posts timed to the page (one per cell and flush) | {len(page.delays)} of {len(codes)} |")
    print(f"| events to the page, mean size | {page.events}, {page.bytes / max(page.events, 1) / 1024:.1f} KiB |")


if __name__ == "__main__":
    main()
