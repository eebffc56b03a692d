"""Module 02 (designing an ML MVP): five learner attempts and the points a fair teacher gives them."""

ASSIGNMENT = "02-ml-mvp"
# ---------------------------------------------------------------------------------------------
# Correct answers in the lesson's plain style, shared by several attempts.
# ---------------------------------------------------------------------------------------------
_Q1 = '''\
stage_order = ["discover", "plan", "design", "implement", "test", "release", "iterate"]
'''

_Q2 = '''\
next_stage = {
    "s1": "discover",
    "s2": "plan",
    "s3": "design",
    "s4": "implement",
    "s5": "test",
    "s6": "release",
    "s7": "iterate",
    "s8": "discover",
}
'''

_CONFUSION = '''\
def confusion_counts(flagged, churned):
    f = np.asarray(flagged, dtype=bool)
    c = np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()),
            "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}
'''

_Q3 = '''\
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


''' + _CONFUSION + '''

heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
heuristic_counts
'''

_VALUE_TABLE = '''\
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}
'''

_EV = '''\
def ev_per_customer(counts, table):
    cells = ("tp", "fp", "fn", "tn")
    return sum(counts[c] * table[c] for c in cells) / sum(counts[c] for c in cells)
'''

_Q4_REST = '''\

table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
print(table, f"heuristic: EUR {heuristic_ev:.2f} per subscriber per month")
'''

_Q4 = _VALUE_TABLE + "\n\n" + _EV + _Q4_REST

_ACCURACY = '''\
def accuracy_threshold(scores, churned, grid):
    accuracies = []
    for t in grid:
        c = confusion_counts(np.asarray(scores) >= t, churned)
        accuracies.append((c["tp"] + c["tn"]) / sum(c.values()))
    return float(grid[int(np.argmax(accuracies))])
'''

_Q5_REST = '''\

def tune_and_measure(validation, test, table, grid):
    threshold = best_threshold(validation["model_score"], validation["churned_next_4w"], table, grid)
    flagged = test["model_score"] >= threshold
    return threshold, ev_per_customer(confusion_counts(flagged, test["churned_next_4w"]), table)


value_threshold, _ = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)
print(f"best for value: {value_threshold}, best for accuracy: {accurate_threshold}")
'''

_Q5 = '''\
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(np.asarray(scores) >= t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])


''' + _ACCURACY + _Q5_REST

_SCORECARD = '''\
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    flagged_n, churners = c["tp"] + c["fp"], c["tp"] + c["fn"]
    return pd.Series({
        "flagged_share": flagged_n / n,
        "precision": c["tp"] / flagged_n if flagged_n else 0.0,
        "recall": c["tp"] / churners if churners else 0.0,
        "accuracy": (c["tp"] + c["tn"]) / n,
        "ev_per_customer": ev_per_customer(c, table),
    })
'''

_COMPARISON = '''\

churned = test["churned_next_4w"]
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), churned, table),
    "model": scorecard(test["model_score"] >= value_threshold, churned, table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
comparison.round(3)
'''

_Q6 = _SCORECARD + _COMPARISON

_PAYBACK = '''\
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf
'''

_ROI = '''\
def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost
'''

_Q7_NUMBERS = '''\

heuristic_build = heuristic_person_weeks * cost_per_person_week_eur
model_build = model_person_weeks * cost_per_person_week_eur
heuristic_gain = comparison.loc["ev_per_customer", "heuristic"] * subscribers
model_gain = (comparison.loc["ev_per_customer", "model"] - comparison.loc["ev_per_customer", "heuristic"]) * subscribers
heuristic_payback = payback_months(heuristic_build, heuristic_gain, heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_build, heuristic_gain, heuristic_run_cost_eur, horizon_months)
model_payback = payback_months(model_build, model_gain, model_run_cost_eur)
model_roi = roi(model_build, model_gain, model_run_cost_eur, horizon_months)
'''

_Q7 = _PAYBACK + "\n\n" + _ROI + _Q7_NUMBERS

_Q8 = '''\
mvp_scope = {
    "weekly_flag_list": "in",
    "voucher_email": "in",
    "holdout_group": "in",
    "saves_dashboard": "in",
    "boosted_model": "cut",
    "realtime_api": "cut",
    "personalised_vouchers": "cut",
    "score_explanations": "cut",
}
'''

FULL = {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 2, "q5_test": 3, "q6_test": 2, "q7_test": 3,
        "q8_test": 2}

ATTEMPTS = {
    # -----------------------------------------------------------------------------------------
    "correct-other-style": {
        "answers": {
            "q1_answer": '''\
stage_order = tuple("discover plan design implement test release iterate".split())
''',
            "q2_answer": '''\
_after = {"s1": "discover", "s2": "plan", "s3": "design", "s4": "implement", "s5": "test", "s6": "release"}
next_stage = {**_after, "s7": "iterate", "s8": "discover"}  # s8: the problem was misread, not the tuning
''',
            # .ge/.gt methods; counts from a crosstab come back as numpy integers
            "q3_answer": '''\
def heuristic_flags(frame):
    return frame["substitutions_last_8w"].ge(3) | frame["days_since_last_order"].gt(14)


def confusion_counts(flagged, churned):
    f = np.asarray(flagged, dtype=bool)
    c = np.asarray(churned, dtype=bool)
    table = pd.crosstab(pd.Categorical(f, categories=[True, False]), pd.Categorical(c, categories=[True, False]),
                        dropna=False)
    return {"tp": table.iloc[0, 0], "fp": table.iloc[0, 1], "fn": table.iloc[1, 0], "tn": table.iloc[1, 1]}


heuristic_counts = confusion_counts(heuristic_flags(test), test.churned_next_4w)
heuristic_counts
''',
            # a dict comprehension over the cells, a dot product for the EV
            "q4_answer": '''\
CELLS = ("tp", "fp", "fn", "tn")


def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    saved = save_rate * monthly_margin * months_kept
    return dict(zip(CELLS, (saved - offer_cost, -offer_cost, 0, 0)))


def ev_per_customer(counts, table):
    n = np.array([counts[c] for c in CELLS], dtype=float)
    v = np.array([table[c] for c in CELLS], dtype=float)
    return n @ v / n.sum()


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
print(table, f"heuristic: EUR {heuristic_ev:.2f} per subscriber per month")
''',
            # a helper that scores every threshold; numpy floats come back
            "q5_answer": '''\
def _per_threshold(scores, churned, grid, score):
    return np.array([score(confusion_counts(np.asarray(scores) >= t, churned)) for t in grid])


def best_threshold(scores, churned, table, grid):
    return np.asarray(grid)[_per_threshold(scores, churned, grid, lambda c: ev_per_customer(c, table)).argmax()]


def accuracy_threshold(scores, churned, grid):
    accuracy = _per_threshold(scores, churned, grid, lambda c: (c["tp"] + c["tn"]) / sum(c.values()))
    return np.asarray(grid)[accuracy.argmax()]


def tune_and_measure(validation, test, table, grid):
    t = best_threshold(validation.model_score, validation.churned_next_4w, table, grid)
    return t, ev_per_customer(confusion_counts(test.model_score >= t, test.churned_next_4w), table)


value_threshold, model_ev = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation.model_score, validation.churned_next_4w, THRESHOLDS)
print(f"best for value: {value_threshold}, best for accuracy: {accurate_threshold}")
''',
            # a Series from values and an index; pd.concat with keys
            "q6_answer": '''\
LABELS = ["flagged_share", "precision", "recall", "accuracy", "ev_per_customer"]


def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    safe = lambda a, b: a / b if b else 0.0  # noqa: E731
    values = [safe(c["tp"] + c["fp"], n), safe(c["tp"], c["tp"] + c["fp"]), safe(c["tp"], c["tp"] + c["fn"]),
              safe(c["tp"] + c["tn"], n), ev_per_customer(c, table)]
    return pd.Series(values, index=LABELS, dtype=float)


y = test.churned_next_4w
comparison = pd.concat([scorecard(heuristic_flags(test), y, table),
                        scorecard(test.model_score.ge(value_threshold), y, table)],
                       axis=1, keys=["heuristic", "model"])
heuristic_share = comparison.at["ev_per_customer", "heuristic"] / comparison.at["ev_per_customer", "model"]
comparison.round(3)
''',
            # float("inf"); the "model replaces the rule" reading of the run cost
            "q7_answer": '''\
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    if net <= 0:
        return float("inf")
    return build_cost / net


def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    net_return = (monthly_gain - monthly_run_cost) * horizon
    return (net_return - build_cost) / build_cost


ev = comparison.loc["ev_per_customer"]
rule = dict(build_cost=heuristic_person_weeks * cost_per_person_week_eur,
            monthly_gain=ev["heuristic"] * subscribers, monthly_run_cost=heuristic_run_cost_eur)
# The model replaces the rule, so the rule's run cost is saved: only the difference is extra.
extra = dict(build_cost=model_person_weeks * cost_per_person_week_eur,
             monthly_gain=(ev["model"] - ev["heuristic"]) * subscribers,
             monthly_run_cost=model_run_cost_eur - heuristic_run_cost_eur)
heuristic_payback, heuristic_roi = payback_months(**rule), roi(**rule, horizon=horizon_months)
model_payback, model_roi = payback_months(**extra), roi(**extra, horizon=horizon_months)
''',
            "q8_answer": '''\
_needed = {"weekly_flag_list", "voucher_email", "holdout_group", "saves_dashboard"}
mvp_scope = {item: "in" if item in _needed else "cut" for item in ITEMS}
''',
        },
        "fair": dict(FULL),
        "why": {},
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-a": {
        "answers": {
            "q1_answer": _Q1,
            # s6: "back-test" read as still testing; s8: tune the rule instead of going back to discover
            "q2_answer": '''\
next_stage = {"s1": "discover", "s2": "plan", "s3": "design", "s4": "implement",
              "s5": "test", "s6": "test", "s7": "iterate", "s8": "iterate"}
''',
            # off by one at the 14-day edge
            "q3_answer": '''\
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] >= 14)


''' + _CONFUSION + '''

heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
heuristic_counts
''',
            # wrong denominator: EV per flagged subscriber
            "q4_answer": _VALUE_TABLE + '''

def ev_per_customer(counts, table):
    total = sum(counts[c] * table[c] for c in ("tp", "fp", "fn", "tn"))
    return total / max(counts["tp"] + counts["fp"], 1)  # max(): q5's high thresholds flag nobody
''' + _Q4_REST,
            "q5_answer": _Q5,
            # heuristic_share as a percentage
            "q6_answer": _SCORECARD + '''

churned = test["churned_next_4w"]
comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), churned, table),
    "model": scorecard(test["model_score"] >= value_threshold, churned, table),
})
heuristic_share = 100 * comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
comparison.round(3)
''',
            # the model judged against doing nothing
            "q7_answer": _PAYBACK + "\n\n" + _ROI + '''

heuristic_build = heuristic_person_weeks * cost_per_person_week_eur
model_build = model_person_weeks * cost_per_person_week_eur
heuristic_gain = comparison.loc["ev_per_customer", "heuristic"] * subscribers
model_gain = comparison.loc["ev_per_customer", "model"] * subscribers
heuristic_payback = payback_months(heuristic_build, heuristic_gain, heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_build, heuristic_gain, heuristic_run_cost_eur, horizon_months)
model_payback = payback_months(model_build, model_gain, model_run_cost_eur)
model_roi = roi(model_build, model_gain, model_run_cost_eur, horizon_months)
''',
            # "we need the real model", and the no-voucher group "wastes saves"
            "q8_answer": '''\
mvp_scope = {
    "weekly_flag_list": "in", "voucher_email": "in", "holdout_group": "cut", "saves_dashboard": "in",
    "boosted_model": "in", "realtime_api": "cut", "personalised_vouchers": "cut", "score_explanations": "cut",
}
''',
        },
        "fair": {"q1_test": 1, "q2_test": 1.5, "q3_test": 1.33, "q4_test": 1, "q5_test": 3, "q6_test": 1.5,
                 "q7_test": 1.5, "q8_test": 1.5},
        "why": {
            "q2_test": "6 of 8 right: s6 is ready to release, s8 (problem misread) goes back to discover",
            "q3_test": "confusion_counts and heuristic_counts right; the rule flags at exactly 14 days (> 14 pinned)",
            "q4_test": "value_table right; the EV divides by the flagged subscribers, not by N",
            "q6_test": "scorecard and comparison right (its EV row follows q4); heuristic_share is a percentage, "
                       "the prompt asks for a fraction",
            "q7_test": "both functions and the rule's numbers right; the model is judged against doing nothing, "
                       "not on top of the rule, which is the question's key idea (the issue's held-out grader gave "
                       "this 1 of 3): half the points",
            "q8_test": "6 of 8 right: the comparison group is what makes the MVP measurable; the boosted model waits",
        },
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-b": {
        "answers": {
            # design before plan
            "q1_answer": '''\
stage_order = ["discover", "design", "plan", "implement", "test", "release", "iterate"]
''',
            "q2_answer": _Q2,
            # positive read as "churned": fp and fn swapped
            "q3_answer": '''\
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


def confusion_counts(flagged, churned):
    f = np.asarray(flagged, dtype=bool)
    c = np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((~f & c).sum()),
            "fn": int((f & ~c).sum()), "tn": int((~f & ~c).sum())}


heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
heuristic_counts
''',
            # the voucher of a saved subscriber forgotten
            "q4_answer": '''\
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}


''' + _EV + _Q4_REST,
            # strictly above the threshold in best_threshold
            "q5_answer": '''\
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(np.asarray(scores) > t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])


''' + _ACCURACY + _Q5_REST,
            # recall divided by the flagged subscribers (it duplicates precision)
            "q6_answer": '''\
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    flagged_n = c["tp"] + c["fp"]
    return pd.Series({
        "flagged_share": flagged_n / n,
        "precision": c["tp"] / flagged_n if flagged_n else 0.0,
        "recall": c["tp"] / flagged_n if flagged_n else 0.0,
        "accuracy": (c["tp"] + c["tn"]) / n,
        "ev_per_customer": ev_per_customer(c, table),
    })
''' + _COMPARISON,
            # payback divides by the gross gain
            "q7_answer": '''\
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    if monthly_gain - monthly_run_cost <= 0:
        return math.inf
    return build_cost / monthly_gain


''' + _ROI + _Q7_NUMBERS,
            # explanations "for the agents", the dashboard "later"
            "q8_answer": '''\
mvp_scope = {
    "weekly_flag_list": "in", "voucher_email": "in", "holdout_group": "in", "saves_dashboard": "cut",
    "boosted_model": "cut", "realtime_api": "cut", "personalised_vouchers": "cut", "score_explanations": "in",
}
''',
        },
        "fair": {"q1_test": 0.5, "q2_test": 2, "q3_test": 1, "q4_test": 1.5, "q5_test": 2.5, "q6_test": 1.5,
                 "q7_test": 2, "q8_test": 1.5},
        "why": {
            "q1_test": "five of seven in place; plan and design swapped",
            "q3_test": "the rule is right; confusion_counts swaps fp and fn (positive read as churned), so "
                       "heuristic_counts is wrong too",
            "q4_test": "ev_per_customer right; v_TP leaves out the voucher the saved subscriber also got",
            "q5_test": "accuracy_threshold right and the EV maximised; flags at score > t, not >= t as pinned "
                       "(only matters for scores exactly on the grid)",
            "q6_test": "four of five metrics, order, comparison and share right; recall divides by the flagged",
            "q7_test": "roi and the numbers right; payback divides by the gross gain, not gain minus run cost",
            "q8_test": "6 of 8 right: the saves dashboard is needed to measure; explanations only matter with a model",
        },
    },
    # -----------------------------------------------------------------------------------------
    "half-done": {
        "answers": {
            "q1_answer": _Q1,
            "q2_answer": '''\
next_stage = {"s1": "discover", "s2": "plan", "s3": "plan", "s4": "implement",
              "s5": "test", "s6": "release", "s7": "discover", "s8": "discover"}
''',
            "q3_answer": _Q3,
            # the EV only uses the tp and fp cells
            "q4_answer": _VALUE_TABLE + '''

def ev_per_customer(counts, table):
    n = counts["tp"] + counts["fp"] + counts["fn"] + counts["tn"]
    return (counts["tp"] * table["tp"] + counts["fp"] * table["fp"]) / n
''' + _Q4_REST,
        },
        "fair": {"q1_test": 1, "q2_test": 1.5, "q3_test": 2, "q4_test": 1, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0},
        "why": {
            "q2_test": "6 of 8 right: s3 needs design (scope is agreed), s7 is iterate (the problem is not misread)",
            "q4_test": "value_table and heuristic_ev right; the EV ignores the fn and tn cells, which the prompt "
                       "says it must handle",
        },
    },
    # -----------------------------------------------------------------------------------------
    "early-slip": {
        "answers": {
            "q1_answer": _Q1,
            "q2_answer": _Q2,
            # the slip: 'and' instead of 'or'; everything after uses these flags correctly
            "q3_answer": '''\
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) & (frame["days_since_last_order"] > 14)


''' + _CONFUSION + '''

heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
heuristic_counts
''',
            "q4_answer": _Q4,
            "q5_answer": _Q5,
            "q6_answer": _Q6,
            "q7_answer": _Q7,
            "q8_answer": _Q8,
        },
        "fair": {**FULL, "q3_test": 1.33},
        "why": {
            "q3_test": "confusion_counts right; the rule uses 'and' where the prompt says 'or', so heuristic_counts "
                       "follows the wrong rule",
        },
    },
}

# A data scientist new to product work, written from the prompts (round 2 of the fair-grading work):
# scikit-learn where it fits, the money questions partly off.
ATTEMPTS["new-to-product"] = {
    "answers": {
        "q1_answer": _Q1,
        # s5 read as "release it to staging users"
        "q2_answer": '''\
next_stage = dict(s1="discover", s2="plan", s3="design", s4="implement", s5="release", s6="release",
                  s7="iterate", s8="discover")
''',
        "q3_answer": '''\
from sklearn.metrics import confusion_matrix


def heuristic_flags(frame):
    return frame["substitutions_last_8w"].ge(3) | frame["days_since_last_order"].gt(14)


def confusion_counts(flagged, churned):
    matrix = confusion_matrix(np.asarray(churned, bool), np.asarray(flagged, bool), labels=[False, True])
    tn, fp, fn, tp = matrix.ravel()
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "tn": int(tn)}


heuristic_counts = confusion_counts(heuristic_flags(test), test.churned_next_4w)
''',
        "q4_answer": '''\
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}


def ev_per_customer(counts, table):
    return sum(counts[k] * table[k] for k in counts) / sum(counts.values())


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
''',
        "q5_answer": '''\
from sklearn.metrics import accuracy_score


def best_threshold(scores, churned, table, grid):
    evs = {t: ev_per_customer(confusion_counts(np.asarray(scores) >= t, churned), table) for t in grid}
    return float(max(evs, key=evs.get))


def accuracy_threshold(scores, churned, grid):
    accs = {t: accuracy_score(np.asarray(churned, bool), np.asarray(scores) >= t) for t in grid}
    return float(max(accs, key=accs.get))


def tune_and_measure(validation, test, table, grid):
    threshold = best_threshold(validation.model_score, validation.churned_next_4w, table, grid)
    counts = confusion_counts(test.model_score >= threshold, test.churned_next_4w)
    return (threshold, ev_per_customer(counts, table))


value_threshold = tune_and_measure(validation, test, table, THRESHOLDS)[0]
accurate_threshold = accuracy_threshold(validation.model_score, validation.churned_next_4w, THRESHOLDS)
''',
        # the share the other way round: the model's EV over the heuristic's
        "q6_answer": '''\
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    return pd.Series({
        "flagged_share": (c["tp"] + c["fp"]) / n,
        "precision": c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0,
        "recall": c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0,
        "accuracy": (c["tp"] + c["tn"]) / n,
        "ev_per_customer": ev_per_customer(c, table),
    })


comparison = pd.concat({"heuristic": scorecard(heuristic_flags(test), test.churned_next_4w, table),
                        "model": scorecard(test.model_score >= value_threshold, test.churned_next_4w, table)},
                       axis=1)
heuristic_share = comparison.loc["ev_per_customer", "model"] / comparison.loc["ev_per_customer", "heuristic"]
''',
        # ROI as the return over the build cost, without taking the build cost back out
        "q7_answer": '''\
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf


def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return (monthly_gain - monthly_run_cost) * horizon / build_cost


ev_h, ev_m = comparison.loc["ev_per_customer", "heuristic"], comparison.loc["ev_per_customer", "model"]
heuristic_payback = payback_months(heuristic_person_weeks * cost_per_person_week_eur, ev_h * subscribers,
                                   heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_person_weeks * cost_per_person_week_eur, ev_h * subscribers, heuristic_run_cost_eur,
                    horizon_months)
model_payback = payback_months(model_person_weeks * cost_per_person_week_eur, (ev_m - ev_h) * subscribers,
                               model_run_cost_eur)
model_roi = roi(model_person_weeks * cost_per_person_week_eur, (ev_m - ev_h) * subscribers, model_run_cost_eur,
                horizon_months)
''',
        # the hold-out cut: "it wastes a tenth of the at-risk subscribers"
        "q8_answer": '''\
mvp_scope = {item: "cut" for item in ITEMS}
mvp_scope.update(weekly_flag_list="in", voucher_email="in", saves_dashboard="in")
''',
    },
    "fair": {"q1_test": 1, "q2_test": 1.75, "q3_test": 2, "q4_test": 2, "q5_test": 3, "q6_test": 1.5,
             "q7_test": 2, "q8_test": 1.5},
    "why": {
        "q2_test": "7 of 8 right: s5 needs testing against last month's churners before any release",
        "q6_test": "scorecard and comparison right; heuristic_share is the model's EV over the heuristic's, the "
                   "inverse of what the prompt asks",
        "q7_test": "payback and every number's inputs right (the model judged on what it adds); ROI leaves the build "
                   "cost in the return, so the ROI function and both ROIs are off",
        "q8_test": "7 of 8 right, but the one wrong is the hold-out: without it the MVP cannot measure saves, the "
                   "riskiest assumption the prompt names",
    },
}

# Round 3 of the fair-grading work (issue 21, modules 01 and 02): more typical mistakes and another half-done
# notebook, the fair points set from the prompts before the attempts were graded.
ATTEMPTS["typical-mistakes-c"] = {
    "answers": {
        "q1_answer": _Q1,
        # the plan (scope, owners, success measure) skipped: straight to design
        "q2_answer": _Q2.replace('"s2": "plan"', '"s2": "design"'),
        # the rule with `.eval`, the counts with a Counter of (flagged, churned) pairs
        "q3_answer": '''\
from collections import Counter


def heuristic_flags(frame):
    return frame.eval("substitutions_last_8w >= 3 or days_since_last_order > 14")


def confusion_counts(flagged, churned):
    pairs = Counter(zip(np.asarray(flagged, dtype=bool), np.asarray(churned, dtype=bool)))
    return {"tp": pairs[(True, True)], "fp": pairs[(True, False)], "fn": pairs[(False, True)],
            "tn": pairs[(False, False)]}


heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
''',
        # a false positive "stays anyway", so it is valued at 0: the voucher it got is forgotten
        "q4_answer": '''\
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    return {"tp": save_rate * monthly_margin * months_kept - offer_cost, "fp": 0.0, "fn": 0.0, "tn": 0.0}


''' + _EV + _Q4_REST,
        # the loops and criteria are right, but both functions return the best threshold's position in the grid
        "q5_answer": '''\
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(np.asarray(scores) >= t, churned), table) for t in grid]
    return int(np.argmax(evs))


def accuracy_threshold(scores, churned, grid):
    s, c = np.asarray(scores), np.asarray(churned, dtype=bool)
    return int(np.argmax([np.mean((s >= t) == c) for t in grid]))
''' + _Q5_REST,
        "q6_answer": _Q6,
        # payback returns None, not math.inf, when the option never pays back
        "q7_answer": '''\
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    if net > 0:
        return build_cost / net


''' + _ROI + _Q7_NUMBERS,
        # a real-time API kept "so the flags are fresh"
        "q8_answer": _Q8.replace('"realtime_api": "cut"', '"realtime_api": "in"'),
    },
    "fair": {"q1_test": 1, "q2_test": 1.75, "q3_test": 2, "q4_test": 1.5, "q5_test": 1.5, "q6_test": 2,
             "q7_test": 2.5, "q8_test": 1.75},
    "why": {
        "q2_test": "7 of 8: s2 needs a plan (scope, owners, how success is measured) before design",
        "q4_test": "ev_per_customer right; the false positive's voucher is left out of the table",
        "q5_test": "both functions loop over the grid with the right criterion and rule, but return the position "
                   "of the best threshold, not the threshold, so both answers on `validation` are wrong",
        "q6_test": "scorecard and comparison right; the model column follows from the learner's own "
                   "value_threshold (error carried forward)",
        "q7_test": "roi and every number right; payback gives None instead of math.inf when the net gain is not "
                   "positive",
        "q8_test": "7 of 8: the real-time API can wait (the list is weekly)",
    },
}

ATTEMPTS["half-done-b"] = {
    "answers": {
        "q1_answer": _Q1,
        "q2_answer": _Q2,
        # the rule written, the counts not yet
        "q3_answer": '''\
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


def confusion_counts(flagged, churned):
    raise NotImplementedError()
''',
        # the table written, the EV not yet
        "q4_answer": _VALUE_TABLE + '''

def ev_per_customer(counts, table):
    raise NotImplementedError()


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
''',
    },
    "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 1, "q4_test": 0.75, "q5_test": 0, "q6_test": 0,
             "q7_test": 0, "q8_test": 0},
    "why": {
        "q3_test": "the rule is right; confusion_counts and heuristic_counts are not written yet",
        "q4_test": "value_table and `table` right; ev_per_customer and heuristic_ev not written yet",
    },
}
