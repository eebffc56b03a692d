// The room page: keeps the module's cells from the service's events and redraws at most once a frame.
// Every learner-supplied string goes in through textContent, never as HTML.
"use strict";

const params = new URLSearchParams(location.search);
const projector = params.get("projector") === "1";
const SYMBOL = { passed: "✓", partial: "◐", failed: "✗", unanswered: "–" };
let cells = new Map(); // "user\u0000question" -> cell
let summary = {};
let questions = []; // the module's row, in the prompt's order: [{number, points}]
let learners = []; // everyone who reported, in any module
let module = null;
let offset = 0; // server clock minus ours, in seconds
let source = null;
let queued = false;

document.body.classList.toggle("projector", projector);
const toggle = document.getElementById("projector");
toggle.textContent = projector ? "Grid view" : "Projector view";

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function ago(when) {
  if (!when) return "";
  const seconds = Math.max(0, Date.now() / 1000 + offset - when);
  if (seconds < 60) return Math.floor(seconds) + "s";
  if (seconds < 3600) return Math.floor(seconds / 60) + "m";
  return Math.floor(seconds / 3600) + "h";
}

function byNumber(a, b) {
  return a.localeCompare(b, undefined, { numeric: true });
}

function link(chosen) {
  const query = new URLSearchParams();
  if (chosen) query.set("module", chosen);
  if (projector) query.set("projector", "1");
  return query;
}

function draw() {
  queued = false;
  const users = [...learners].sort(byNumber); // the server lists everyone who reported, in any module
  const names = questions.map((question) => question.number); // and every question reported, too
  document.getElementById("empty").hidden = cells.size > 0;
  const csv = document.getElementById("csv");
  csv.href = "api/timeline.csv" + (module ? "?module=" + encodeURIComponent(module) : "");
  const q = (name) => summary[name] || { passed: 0, stuck: 0, message: null, message_count: 0 };

  if (projector) {
    const wall = document.getElementById("wall");
    wall.replaceChildren(...names.map((name) => {
      const s = q(name);
      const box = el("div", null, "q");
      box.dataset.summaryQuestion = name;
      const count = el("div", s.passed + " / " + users.length, "count");
      count.append(el("span", " passed", "unit"));
      box.append(el("h2", "Question " + name), count);
      if (s.stuck) box.append(el("div", s.stuck + " stuck", "stuckcount"));
      if (s.message) box.append(el("div", s.message, "msg"));
      return box;
    }));
    return;
  }
  const head = el("tr");
  head.append(el("th", "learner"), ...questions.map((question) => {
    const th = el("th", "Q" + question.number);
    th.title = question.points === null ? "not in the handed-out notebook" : question.points + " points";
    return th;
  }));
  document.querySelector("#grid thead").replaceChildren(head);
  document.querySelector("#grid tbody").replaceChildren(...users.map((user) => {
    const row = el("tr");
    row.append(el("th", user, "user"));
    for (const name of names) {
      const cell = cells.get(user + "\u0000" + name);
      const td = el("td", null, cell ? cell.status : "none");
      td.dataset.user = user;
      td.dataset.question = name;
      if (!cell) td.title = "not run yet";
      else {
        td.append(el("span", SYMBOL[cell.status]), el("span", ago(cell.last), "ago"));
        td.title = (cell.message || cell.status) + " · " + cell.runs + " runs";
        if (cell.stuck) {
          td.classList.add("stuck");
          td.dataset.stuck = "1";
          td.append(el("span", "stuck", "badge"));
        }
      }
      row.append(td);
    }
    return row;
  }));
  const passed = el("tr");
  passed.append(el("th", "passed", "user"), ...names.map((name) => {
    const s = q(name);
    const td = el("td", s.passed + " / " + users.length + (s.stuck ? " · " + s.stuck + " stuck" : ""));
    td.dataset.summaryQuestion = name;
    return td;
  }));
  const common = el("tr");
  common.append(el("th", "most common failing message", "user"),
    ...names.map((name) => el("td", q(name).message ? q(name).message + " (" + q(name).message_count + ")" : "")));
  document.querySelector("#grid tfoot").replaceChildren(passed, common);
}

function later() {
  if (!queued) {
    queued = true;
    requestAnimationFrame(draw);
  }
}

function modules(list, chosen) {
  const select = document.getElementById("module");
  const wanted = [...list];
  if (select.options.length === wanted.length && [...select.options].every((o, i) => o.value === wanted[i])) {
    select.value = chosen || "";
    return;
  }
  select.replaceChildren(...wanted.map((name) => {
    const option = el("option", name || "(module unknown)");
    option.value = name;
    return option;
  }));
  select.value = chosen || "";
}

function take(data, fresh) {
  if (fresh) cells = new Map();
  module = data.module;
  offset = data.now - Date.now() / 1000;
  for (const cell of data.cells) cells.set(cell.user + "\u0000" + cell.question, cell);
  summary = data.summary;
  questions = data.questions;
  learners = data.learners;
  modules(data.modules, module);
  if (data.rule) document.getElementById("rule").textContent = data.rule;
  document.getElementById("state").textContent = "live · updated " + new Date().toLocaleTimeString();
  later();
}

function connect(chosen) {
  if (source) source.close();
  const query = link(chosen);
  query.set("_xsrf", document.querySelector("meta[name=xsrf]").content);
  source = new EventSource("api/events?" + query.toString());
  source.addEventListener("snapshot", (e) => take(JSON.parse(e.data), true));
  source.addEventListener("delta", (e) => take(JSON.parse(e.data), false));
  source.onerror = () => { document.getElementById("state").textContent = "reconnecting…"; };
}

document.getElementById("module").addEventListener("change", (e) => {
  const chosen = e.target.value;
  history.replaceState(null, "", "?" + link(chosen).toString());
  connect(chosen);
});
toggle.href = "?" + new URLSearchParams({ ...Object.fromEntries(params), projector: projector ? "0" : "1" });
setInterval(later, 10000); // the "time since" labels age
connect(params.get("module"));
