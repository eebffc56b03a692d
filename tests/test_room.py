"""Does the room service keep results safely, build the right grid, flag the stuck, and let only instructors look?

Fast and without a hub: the storage, the grid and its stuck rule on a fake clock, the CSV, and
the tornado application with a stand-in for the hub's token check. The real hub, real learners'
tokens and a real browser are in tests/test_hub.py.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import stat

import pytest
from jupyterhub.services.auth import HubOAuth
from tornado.testing import AsyncHTTPTestCase, gen_test

from mlpm.modules import discover
from mlpm.paths import content_dir, project_root
from mlpm.room.grid import STUCK_MINUTES, STUCK_RUNS, Cell, Grid, known_questions, summary
from mlpm.room.results import MAX_BODY, Malformed, Result, Store, parse, timeline_csv
from mlpm.room.service import RATE, Listener, Room, listen_address, make_app

T0 = 1_800_000_000.0
PREFIX = "/services/mlpm-room/"


def body(**fields) -> bytes:
    base = {"module": "01-product-strategy", "question": "3", "points": 1.5, "max_points": 3.0, "passed": 2,
            "total": 3, "status": "partial", "message": "`rice_scores(toy)['X']` is … but should be close to …",
            "sent": "2026-12-07T15:04:05Z"}
    return json.dumps({**base, **fields}).encode()


def run(user: str, question: str, status: str, at: float, module: str = "01-product-strategy",
        message: str | None = "check the reach") -> Result:
    return Result(user, module, question, status, None, None, None if status == "passed" else message, at)


def cell_after(*runs: tuple[str, float]) -> Cell:
    cell = Cell("ada", "01-product-strategy", "1")
    for status, at in runs:
        cell.add(run("ada", "1", status, at))
    return cell


# --- the body ---------------------------------------------------------------------------------

def test_a_result_is_read_from_the_body_with_the_user_from_the_token():
    """Does the stored result take its user from the caller and its time from the service, whatever the body says?"""
    result = parse(body(user="grace", received=0), "ada", T0)
    assert (result.user, result.question, result.status) == ("ada", "3", "partial")
    assert (result.points, result.max_points, result.received) == (1.5, 3.0, T0)


@pytest.mark.parametrize("raw, problem", [
    (b"not json", "not JSON"),
    (b"[1, 2]", "JSON object"),
    (body(status="won"), "status"),
    (body(question=3), "question"),
    (body(question="1; DROP TABLE"), "question"),
    (body(module="../../etc"), "module"),
    (body(points=-1), "points"),
    (body(points=float("nan")), "points"),
    (body(points=True), "points"),
    (body(points=4.0, max_points=3.0), "exceed"),
    (body(message="x" * 201), "message"),
    (body(message=["a"]), "message"),
    (b'{"question": "1", "status": "failed", "message": "' + b"x" * MAX_BODY + b'"}', "bytes"),
    (b"\xff\xfe", "not JSON"),
])
def test_a_malformed_body_is_refused_saying_why(raw, problem):
    """Is every body that is not a result refused, with a message naming the field?"""
    with pytest.raises(Malformed, match=problem):
        parse(raw, "ada", T0)


def test_a_pass_keeps_no_message_and_a_message_is_one_line():
    assert parse(body(status="passed", message="left over"), "ada", T0).message is None
    assert parse(body(message="two\nlines  here"), "ada", T0).message == "two lines here"
    assert parse(body(module=None), "ada", T0).module == ""


# --- storage ----------------------------------------------------------------------------------

def test_results_survive_reopening_in_a_file_only_its_owner_can_read(tmp_path):
    """Are results still there after the service restarts, in a file (and journal) of mode 0600?"""
    path = tmp_path / "state" / "room.sqlite"
    store = Store(path)
    store.add(run("ada", "1", "failed", T0))
    store.add(run("ada", "1", "passed", T0 + 5))
    store.add(run("ada", "1", "passed", T0 + 6, module="02-mvp"))
    store.close()
    again = Store(path)
    assert [r.status for r in again.all("01-product-strategy")] == ["failed", "passed"]
    assert len(again.all()) == 3
    for file in path.parent.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, f"{file.name} is readable by others"


def test_the_timeline_csv_says_who_ran_what_when_and_runs_no_formula():
    """Does the CSV have one row per run, in UTC, with a learner's '=...' message kept as text?"""
    text = timeline_csv([run("ada", "1", "failed", T0, message="=HYPERLINK(\"http://x\")"),
                         Result("ada", "01-product-strategy", "1", "passed", 3.0, 3.0, None, T0 + 60)])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["user", "module", "question", "status", "points", "max_points", "message", "received"]
    assert rows[0]["message"].startswith("'=")
    assert (rows[1]["status"], rows[1]["points"], rows[1]["max_points"]) == ("passed", "3", "3")
    assert rows[1]["received"] == "2027-01-15T08:01:00Z"


# --- the stuck rule, on a fake clock ------------------------------------------------------------

def test_stuck_after_the_pinned_number_of_runs_that_did_not_pass():
    cell = cell_after(*[("failed", T0 + i) for i in range(STUCK_RUNS - 1)])
    assert not cell.stuck(T0 + 60)
    cell.add(run("ada", "1", "partial", T0 + 61))
    assert cell.stuck(T0 + 61)


def test_stuck_after_the_pinned_minutes_without_a_pass():
    cell = cell_after(("failed", T0))
    assert not cell.stuck(T0 + STUCK_MINUTES * 60 - 1)
    assert cell.stuck(T0 + STUCK_MINUTES * 60)


def test_a_pass_clears_the_flag_and_restarts_the_count_and_the_clock():
    cell = cell_after(*[("failed", T0 + i) for i in range(STUCK_RUNS)], ("passed", T0 + 100))
    assert not cell.stuck(T0 + 10_000)
    cell.add(run("ada", "1", "failed", T0 + 200))
    assert cell.misses == 1 and not cell.stuck(T0 + 200 + STUCK_MINUTES * 60 - 1)
    assert cell.stuck(T0 + 200 + STUCK_MINUTES * 60)


def test_runs_before_an_answer_exists_are_not_attempts():
    """Does running a check cell before answering neither count as a miss nor start the clock?"""
    cell = cell_after(*[("unanswered", T0 + i) for i in range(STUCK_RUNS + 2)])
    assert cell.runs == STUCK_RUNS + 2 and cell.misses == 0
    assert not cell.stuck(T0 + STUCK_MINUTES * 60 * 3)


def test_the_grid_reports_time_flipping_the_stuck_flag_once():
    """Is a cell that becomes stuck with time sent again once, and not on every flush after?"""
    grid = Grid()
    grid.add(run("ada", "1", "failed", T0))
    assert [c.user for c in grid.take_changes(T0)] == ["ada"]
    assert grid.take_changes(T0 + 60) == []
    assert [c.stuck(T0 + STUCK_MINUTES * 60) for c in grid.take_changes(T0 + STUCK_MINUTES * 60)] == [True]
    assert grid.take_changes(T0 + STUCK_MINUTES * 60 + 30) == []


def test_per_question_counts_and_the_most_common_failing_message_now():
    """Is the common message counted over learners not passing now (their latest message), not over history?"""
    grid = Grid()
    for user in ("ada", "grace", "linus"):
        grid.add(run(user, "1", "failed", T0, message="check the reach"))
    grid.add(run("ada", "1", "passed", T0 + 1))
    grid.add(run("grace", "1", "partial", T0 + 2, message="check the effort"))
    grid.add(run("ada", "2", "failed", T0 + 3, message="check the weights"))
    result = summary(grid.module_cells("01-product-strategy"), T0 + 4)
    assert result["1"]["passed"] == 1 and result["1"]["message_count"] == 1
    assert result["1"]["message"] in ("check the reach", "check the effort")
    assert result["2"] == {"passed": 0, "stuck": 0, "tried": 1, "message": "check the weights", "message_count": 1}
    for user in ("grace", "linus"):
        grid.add(run(user, "1", "failed", T0 + 5, message="check the effort"))
    assert summary(grid.module_cells("01-product-strategy"), T0 + 6)["1"]["message"] == "check the effort"


def test_a_page_follows_the_latest_module_unless_it_chose_one(tmp_path):
    """Does a page that chose no module switch to a new one as it is reported, and one that chose stay?"""
    room = Room(Store(tmp_path / "room.sqlite"), clock=lambda: T0)
    room.grid.add(run("ada", "1", "failed", T0, module="01-product-strategy"))
    room.flush()
    follower, chooser = Listener(None), Listener("01-product-strategy")
    assert room.snapshot(follower)["module"] == "01-product-strategy"
    room.snapshot(chooser)
    room.listeners |= {follower, chooser}
    room.grid.add(run("ada", "1", "passed", T0, module="02-mvp"))
    room.flush()
    assert follower.queue.get_nowait()[0] == "snapshot"
    kind, data = chooser.queue.get_nowait()
    assert kind == "delta" and data["cells"] == [] and data["modules"] == ["01-product-strategy", "02-mvp"]


# --- the whole row of questions, before anyone reports ------------------------------------------

QUESTIONS = {"01-product-strategy": [("1", 2.0), ("2", 3.0), ("10", 1.0)], "02-mvp": [("1", 1.0)],
             "03-impact": [("1", 3.0)]}


def numbers(grid: Grid, module: str) -> list[str]:
    return [q["number"] for q in grid.questions(module)]


def test_each_modules_questions_are_those_its_check_cells_report():
    """Is every module's row its automatically graded questions, in the notebook's order, with their points,
    numbered as the test cell's ``Question(N, points=P)`` reports them to the room?"""
    exercises = content_dir("exercises")
    table = known_questions(exercises)
    modules = discover(project_root())
    assert list(table) == [m.slug for m in modules]
    for module in modules:
        reported = []
        for notebook in sorted((exercises / module.slug).glob("*.ipynb")):
            text = notebook.read_text(encoding="utf-8")
            reported += [(n, float(p)) for n, p in re.findall(r"Question\((\w+), points=([\d.]+)\)", text)]
        assert table[module.slug] == reported, module.slug
        assert len(reported) == module.auto_questions, module.slug
    assert [n for n, _ in table["01-product-strategy"]] == [str(n) for n in range(1, 10)]


def test_a_module_nobody_reported_shows_its_whole_row_and_every_module_is_offered(tmp_path):
    """Does a page open on the first module with all its questions, in order, before any report?"""
    room = Room(Store(tmp_path / "room.sqlite"), clock=lambda: T0, questions=QUESTIONS)
    data = room.snapshot(Listener(None))
    assert data["module"] == "01-product-strategy" and data["cells"] == [] and data["learners"] == []
    assert data["questions"] == [{"number": "1", "points": 2.0}, {"number": "2", "points": 3.0},
                                 {"number": "10", "points": 1.0}]
    assert data["modules"] == ["01-product-strategy", "02-mvp", "03-impact"]
    room.grid.add(run("ada", "1", "passed", T0, module="09-not-shipped"))
    assert room.snapshot(Listener("03-impact"))["modules"] == [*QUESTIONS, "09-not-shipped"]


def test_questions_the_notebook_does_not_list_come_after_its_own():
    """Is a reported question the table does not know appended (in number order), and a known one not repeated?"""
    grid = Grid(QUESTIONS)
    for question in ("4b", "2", "11", "7"):
        grid.add(run("ada", question, "failed", T0))
    assert numbers(grid, "01-product-strategy") == ["1", "2", "10", "7", "11", "4b"]
    assert grid.questions("01-product-strategy")[3] == {"number": "7", "points": None}
    grid.add(run("ada", "3", "failed", T0, module=""))  # a kernel that did not know its module
    assert numbers(grid, "") == ["3"] and "" in grid.modules()


def test_learners_who_ran_another_module_get_a_row_here_too(tmp_path):
    """Does a page on module 01 list a learner who has only run module 02's checks, and learn of a new one live?"""
    room = Room(Store(tmp_path / "room.sqlite"), clock=lambda: T0, questions=QUESTIONS)
    room.grid.add(run("ada", "1", "passed", T0))
    room.grid.add(run("grace", "1", "failed", T0, module="02-mvp"))
    room.flush()
    page = Listener("01-product-strategy")
    data = room.snapshot(page)
    assert data["learners"] == ["ada", "grace"] and [c["user"] for c in data["cells"]] == ["ada"]
    room.listeners.add(page)
    room.flush()
    assert page.queue.empty()  # nothing new for module 01
    room.grid.add(run("linus", "1", "failed", T0, module="02-mvp"))
    room.flush()
    kind, data = page.queue.get_nowait()
    assert kind == "delta" and data["cells"] == [] and data["learners"] == ["ada", "grace", "linus"]
    assert numbers(room.grid, "01-product-strategy") == ["1", "2", "10"]


# --- the service, with a stand-in for the hub ---------------------------------------------------

TOKENS = {
    "ada-server-token": {"kind": "user", "name": "ada", "groups": [], "scopes": ["users:activity!user=ada"]},
    "grace-server-token": {"kind": "user", "name": "grace", "groups": ["learners"],
                           "scopes": ["users:activity!user=grace"]},
    "teach-oauth-token": {"kind": "user", "name": "teach", "groups": ["instructors"],
                          "scopes": ["access:services!service=mlpm-room"]},
    "admin-not-instructor": {"kind": "user", "name": "root", "groups": [], "scopes": ["access:services"]},
    "teach-server-token": {"kind": "user", "name": "teach", "groups": ["instructors"],
                           "scopes": ["users:activity!user=teach"]},
    "a-service": {"kind": "service", "name": "culler", "scopes": ["access:services"]},
}


class FakeHub(HubOAuth):
    """HubOAuth that knows the tokens above instead of asking a hub."""

    async def _fake(self, token):
        return TOKENS.get(token)

    def user_for_token(self, token, use_cache=True, session_id="", *, sync=True):
        assert not sync
        return self._fake(token)

    async def _get_user_cookie(self, handler):
        return None


class TestService(AsyncHTTPTestCase):
    def get_app(self):
        self.dir = self.enterContext(__import__("tempfile").TemporaryDirectory())
        self.clock = [T0]
        self.room = Room(Store(os.path.join(self.dir, "room.sqlite")), clock=lambda: self.clock[0])
        hub = FakeHub(api_token="unused", api_url="http://127.0.0.1:1/hub/api",
                      access_scopes={"access:services!service=mlpm-room"}, login_url="/hub/login")
        return make_app(self.room, PREFIX, hub_auth=hub)

    def post(self, token: str | None, data: bytes = body()):
        headers = {"Authorization": f"token {token}"} if token else {}
        return self.fetch(PREFIX + "api/results", method="POST", body=data, headers=headers)

    def get(self, path: str, token: str):
        return self.fetch(PREFIX + path, headers={"Authorization": f"token {token}"}, follow_redirects=False)

    def test_a_learner_posts_as_themself_only(self):
        """Is a result stored under the token's owner, and refused without a user's valid token?"""
        assert self.post("ada-server-token", body(user="grace")).code == 204
        assert [r.user for r in self.room.store.all()] == ["ada"]
        assert self.room.grid.cells[("01-product-strategy", "ada", "3")].status == "partial"
        for token in (None, "forged", "a-service"):
            assert self.post(token).code == 403
        assert self.post("ada-server-token", b"{").code == 400
        assert self.post("ada-server-token", b"{" + b" " * MAX_BODY + b"}").code == 413
        assert len(self.room.store.all()) == 1

    def test_a_flood_from_one_learner_is_cut_at_the_rate(self):
        self.room.recent["ada"].extend([T0] * RATE)
        assert self.post("ada-server-token").code == 429
        assert self.post("grace-server-token").code == 204

    def test_an_instructor_trying_the_checks_gets_no_row(self):
        """Is an instructor's check cell answered like anyone's but kept out of the grid and the timeline?"""
        assert self.post("teach-server-token").code == 204
        assert self.post("ada-server-token").code == 204
        assert [r.user for r in self.room.store.all()] == ["ada"]
        assert self.room.grid.learners() == ["ada"]

    def test_only_instructors_read_the_page_the_events_and_the_csv(self):
        """Do a learner's token, an instructor's server token and a non-instructor admin all get 403?"""
        self.post("ada-server-token")
        for path in ("", "api/timeline.csv", "api/events"):
            for token in ("ada-server-token", "teach-server-token", "admin-not-instructor"):
                assert self.get(path, token).code == 403, (path, token)
        page = self.get("", "teach-oauth-token")
        assert page.code == 200 and b'src="room.js"' in page.body
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        rows = list(csv.DictReader(io.StringIO(self.get("api/timeline.csv", "teach-oauth-token").body.decode())))
        assert [(r["user"], r["status"]) for r in rows] == [("ada", "partial")]


    @gen_test(timeout=30)
    async def test_the_events_send_a_snapshot_then_what_changed(self):
        """Does an instructor's stream open with the module's grid and then carry a new result, stuck flag included?"""
        received = []

        def chunk(data: bytes) -> None:
            received.append(data.decode())

        async def post() -> None:
            response = await self.http_client.fetch(self.get_url(PREFIX + "api/results"), method="POST", body=body(),
                                                    headers={"Authorization": "token ada-server-token"})
            assert response.code == 204

        await post()
        stream = self.http_client.fetch(self.get_url(PREFIX + "api/events"), streaming_callback=chunk,
                                        request_timeout=30, headers={"Authorization": "token teach-oauth-token"})
        stream.add_done_callback(lambda future: future.exception())  # cut when the test ends

        async def event(kind: str) -> dict:
            for _ in range(100):
                text = "".join(received)
                if f"event: {kind}\n" in text:
                    return json.loads(text.split(f"event: {kind}\ndata: ", 1)[1].split("\n", 1)[0])
                await asyncio.sleep(0.05)
            raise AssertionError(f"no {kind} event in {received}")

        snapshot = await event("snapshot")
        assert snapshot["module"] == "01-product-strategy" and not snapshot["cells"][0]["stuck"]
        for _ in range(STUCK_RUNS - 1):
            await post()
        self.room.flush()
        delta = await event("delta")
        assert [(c["user"], c["question"], c["status"], c["stuck"]) for c in delta["cells"]] == [
            ("ada", "3", "partial", True)]
        assert delta["summary"]["3"]["stuck"] == 1


def test_the_service_listens_where_its_url_says_or_everywhere_for_a_host_name():
    """Does the service bind 127.0.0.1 for the PAM route's URL and every interface for Kubernetes' http://hub:10101?"""
    assert listen_address("127.0.0.1") == "127.0.0.1"
    assert listen_address("hub") == "0.0.0.0"


def test_mlpm_room_off_the_hub_says_where_it_belongs(monkeypatch):
    """Does `mlpm room` run by hand, without the hub's token, stop with one line naming the hub config?"""
    from mlpm.cli import main

    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    with pytest.raises(SystemExit, match="deploy/jupyterhub_config.py"):
        main(["room"])

