"""Blind attempts at module 02: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.

Later, question 5 asked for `tune_and_measure` too (so the hidden checks see which sample a threshold
is tuned on): each attempt's version was added in its own style, on the sample its values use.
"""

ASSIGNMENT = "02-ml-mvp"

_STAGES = '''
stage_order = ["discover", "plan", "design", "implement", "test", "release", "iterate"]
'''

_NEXT = '''
next_stage = {"s1": "discover", "s2": "plan", "s3": "design", "s4": "implement",
              "s5": "test", "s6": "release", "s7": "iterate", "s8": "discover"}
'''

_SCOPE = '''
mvp_scope = {"weekly_flag_list": "in", "voucher_email": "in", "holdout_group": "in", "saves_dashboard": "in",
             "boosted_model": "cut", "realtime_api": "cut", "personalised_vouchers": "cut",
             "score_explanations": "cut"}
'''

_Q3 = '''
def heuristic_flags(frame):
    return (frame["substitutions_last_8w"] >= 3) | (frame["days_since_last_order"] > 14)


def confusion_counts(flagged, churned):
    f = np.asarray(flagged, dtype=bool)
    c = np.asarray(churned, dtype=bool)
    return {"tp": int((f & c).sum()), "fp": int((f & ~c).sum()),
            "fn": int((~f & c).sum()), "tn": int((~f & ~c).sum())}


heuristic_counts = confusion_counts(heuristic_flags(test), test["churned_next_4w"])
heuristic_counts
'''

_Q4 = '''
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    saved = save_rate * monthly_margin * months_kept
    return {"tp": saved - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}


def ev_per_customer(counts, table):
    n = sum(counts[k] for k in ("tp", "fp", "fn", "tn"))
    return sum(counts[k] * table[k] for k in ("tp", "fp", "fn", "tn")) / n


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
print(table, f"heuristic: EUR {heuristic_ev:.2f} per subscriber per month")
'''

_Q5 = '''
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(scores >= t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])


def accuracy_threshold(scores, churned, grid):
    accs = []
    for t in grid:
        c = confusion_counts(scores >= t, churned)
        accs.append((c["tp"] + c["tn"]) / sum(c.values()))
    return float(grid[int(np.argmax(accs))])


def tune_and_measure(validation, test, table, grid):
    t = best_threshold(validation["model_score"], validation["churned_next_4w"], table, grid)
    ev = ev_per_customer(confusion_counts(test["model_score"] >= t, test["churned_next_4w"]), table)
    return t, ev


value_threshold, model_ev = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation["model_score"], validation["churned_next_4w"], THRESHOLDS)
print(f"best for value: {value_threshold}, best for accuracy: {accurate_threshold}")
'''

_Q6 = '''
def scorecard(flagged, churned, table):
    c = confusion_counts(flagged, churned)
    n = sum(c.values())
    flagged_n = c["tp"] + c["fp"]
    churners = c["tp"] + c["fn"]
    return pd.Series({
        "flagged_share": flagged_n / n,
        "precision": c["tp"] / flagged_n if flagged_n else 0.0,
        "recall": c["tp"] / churners if churners else 0.0,
        "accuracy": (c["tp"] + c["tn"]) / n,
        "ev_per_customer": ev_per_customer(c, table),
    })


comparison = pd.DataFrame({
    "heuristic": scorecard(heuristic_flags(test), test["churned_next_4w"], table),
    "model": scorecard(test["model_score"] >= value_threshold, test["churned_next_4w"], table),
})
heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]
comparison.round(3)
'''

_Q7 = '''
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    net = monthly_gain - monthly_run_cost
    return build_cost / net if net > 0 else math.inf


def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost


h_build = heuristic_person_weeks * cost_per_person_week_eur
m_build = model_person_weeks * cost_per_person_week_eur
h_gain = comparison.loc["ev_per_customer", "heuristic"] * subscribers
# the model on top of the rule: only what it adds over the heuristic
m_gain = (comparison.loc["ev_per_customer", "model"] - comparison.loc["ev_per_customer", "heuristic"]) * subscribers
heuristic_payback = payback_months(h_build, h_gain, heuristic_run_cost_eur)
heuristic_roi = roi(h_build, h_gain, heuristic_run_cost_eur, horizon_months)
model_payback = payback_months(m_build, m_gain, model_run_cost_eur)
model_roi = roi(m_build, m_gain, model_run_cost_eur, horizon_months)
print(f"heuristic: payback {heuristic_payback:.1f} months, ROI {heuristic_roi:.0%} over {horizon_months} months")
print(f"model on top: payback {model_payback:.1f} months, ROI {model_roi:.0%} over {horizon_months} months")
'''

_RIGHT = {"q1_answer": _STAGES, "q2_answer": _NEXT, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _SCOPE}

# --- fully correct, in NumPy with other names; ties go to the HIGHEST threshold (allowed); the
#     model replaces the rule, so the rule's run cost is saved (allowed) --------------------------------

_NUMPY = {
    "q1_answer": '''
STAGE_FLOW = "discover plan design implement test release iterate".split()
stage_order = list(STAGE_FLOW)
''',
    "q2_answer": '''
next_stage = dict(s1="discover", s2="plan", s3="design", s4="implement", s5="test", s6="release",
                  s7="iterate", s8="discover")
''',
    "q3_answer": '''
def heuristic_flags(frame):
    many_subs = frame.substitutions_last_8w.to_numpy() >= 3
    gone_quiet = frame.days_since_last_order.to_numpy() > 14
    return pd.Series(np.logical_or(many_subs, gone_quiet), index=frame.index)


def confusion_counts(flagged, churned):
    cells = np.zeros((2, 2), dtype=int)
    for f, c in zip(np.asarray(flagged, bool), np.asarray(churned, bool)):
        cells[int(f), int(c)] += 1
    return dict(tp=int(cells[1, 1]), fp=int(cells[1, 0]), fn=int(cells[0, 1]), tn=int(cells[0, 0]))


heuristic_counts = confusion_counts(heuristic_flags(test), test.churned_next_4w)
heuristic_counts
''',
    "q4_answer": '''
CELLS = ("tp", "fp", "fn", "tn")


def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    lifetime = monthly_margin * months_kept
    return dict(zip(CELLS, (save_rate * lifetime - offer_cost, -offer_cost, 0.0, 0.0)))


def ev_per_customer(counts, table):
    n = np.array([counts[c] for c in CELLS], dtype=float)
    v = np.array([table[c] for c in CELLS], dtype=float)
    return float(n @ v / n.sum())


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
print(table, f"heuristic: EUR {heuristic_ev:.2f} per subscriber per month")
''',
    "q5_answer": '''
def _best_on_grid(grid, objective):
    # on a tie keep the higher threshold: fewer vouchers for the same value
    best_t, best_v = None, -np.inf
    for t in grid:
        v = objective(t)
        if v >= best_v:
            best_t, best_v = float(t), v
    return best_t


def best_threshold(scores, churned, table, grid):
    s = np.asarray(scores, float)
    return _best_on_grid(grid, lambda t: ev_per_customer(confusion_counts(s >= t, churned), table))


def accuracy_threshold(scores, churned, grid):
    s, y = np.asarray(scores, float), np.asarray(churned, bool)
    return _best_on_grid(grid, lambda t: np.mean((s >= t) == y))


def tune_and_measure(validation, test, table, grid):
    t = best_threshold(validation.model_score, validation.churned_next_4w, table, grid)
    return t, ev_per_customer(confusion_counts(test.model_score.to_numpy() >= t, test.churned_next_4w), table)


value_threshold, _ = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = accuracy_threshold(validation.model_score, validation.churned_next_4w, THRESHOLDS)
print(f"best for value: {value_threshold}, best for accuracy: {accurate_threshold}")
''',
    "q6_answer": '''
def scorecard(flagged, churned, table):
    f, y = np.asarray(flagged, bool), np.asarray(churned, bool)
    counts = confusion_counts(f, y)
    return pd.Series([f.mean(), (f & y).sum() / f.sum() if f.sum() else 0.0,
                      (f & y).sum() / y.sum() if y.sum() else 0.0, (f == y).mean(),
                      ev_per_customer(counts, table)],
                     index=["flagged_share", "precision", "recall", "accuracy", "ev_per_customer"])


y_test = test.churned_next_4w
comparison = pd.concat({"heuristic": scorecard(heuristic_flags(test), y_test, table),
                        "model": scorecard(test.model_score >= value_threshold, y_test, table)}, axis=1)
heuristic_share = float(comparison.at["ev_per_customer", "heuristic"] / comparison.at["ev_per_customer", "model"])
comparison.round(3)
''',
    "q7_answer": '''
def payback_months(build_cost, monthly_gain, monthly_run_cost):
    monthly_net = monthly_gain - monthly_run_cost
    if monthly_net <= 0:
        return math.inf
    return build_cost / monthly_net


def roi(build_cost, monthly_gain, monthly_run_cost, horizon):
    net_return = horizon * (monthly_gain - monthly_run_cost)
    return (net_return - build_cost) / build_cost


ev_h, ev_m = comparison.loc["ev_per_customer", ["heuristic", "model"]]
heuristic_payback = payback_months(heuristic_person_weeks * cost_per_person_week_eur, ev_h * subscribers,
                                   heuristic_run_cost_eur)
heuristic_roi = roi(heuristic_person_weeks * cost_per_person_week_eur, ev_h * subscribers,
                    heuristic_run_cost_eur, horizon_months)
# I read it as: the model replaces the rule once live, so the rule's run cost is saved.
extra_run = model_run_cost_eur - heuristic_run_cost_eur
model_payback = payback_months(model_person_weeks * cost_per_person_week_eur, (ev_m - ev_h) * subscribers, extra_run)
model_roi = roi(model_person_weeks * cost_per_person_week_eur, (ev_m - ev_h) * subscribers, extra_run,
                horizon_months)
print(f"heuristic: payback {heuristic_payback:.1f} months, ROI {heuristic_roi:.0%} over {horizon_months} months")
print(f"model on top: payback {model_payback:.1f} months, ROI {model_roi:.0%} over {horizon_months} months")
''',
    "q8_answer": '''
keep = {"weekly_flag_list", "voucher_email", "holdout_group", "saves_dashboard"}
mvp_scope = {item: ("in" if item in keep else "cut") for item in ITEMS}
''',
}

# --- typical mistakes: EV over the flagged only, share in percent, the model against doing nothing --

_FLAGGED = dict(_RIGHT)
_FLAGGED.update({
    "q4_answer": '''
def value_table(offer_cost, save_rate, monthly_margin, months_kept):
    saved = save_rate * monthly_margin * months_kept
    return {"tp": saved - offer_cost, "fp": -offer_cost, "fn": 0.0, "tn": 0.0}


def ev_per_customer(counts, table):
    # value per voucher we send: divide by the subscribers we flag
    flagged = counts["tp"] + counts["fp"]
    total = sum(counts[k] * table[k] for k in ("tp", "fp", "fn", "tn"))
    return total / flagged if flagged else 0.0


table = value_table(offer_cost_eur, save_rate, monthly_margin_eur, months_kept)
heuristic_ev = ev_per_customer(heuristic_counts, table)
print(table, f"heuristic: EUR {heuristic_ev:.2f} per subscriber per month")
''',
    "q6_answer": _Q6.replace(
        'heuristic_share = comparison.loc["ev_per_customer", "heuristic"] / comparison.loc["ev_per_customer", "model"]',
        'heuristic_share = round(100 * comparison.loc["ev_per_customer", "heuristic"]\n'
        '                        / comparison.loc["ev_per_customer", "model"], 1)  # in %'),
    "q7_answer": _Q7.replace(
        '# the model on top of the rule: only what it adds over the heuristic\n'
        'm_gain = (comparison.loc["ev_per_customer", "model"] - comparison.loc["ev_per_customer", "heuristic"]) '
        '* subscribers',
        'm_gain = comparison.loc["ev_per_customer", "model"] * subscribers'),
})

# --- typical mistakes: design before plan, tune instead of rediscover, > at the edge, threshold
#     tuned on test, the model kept in the MVP and the holdout cut ---------------------------------------

_ORDER = dict(_RIGHT)
_ORDER.update({
    "q1_answer": '''
stage_order = ["discover", "design", "plan", "implement", "test", "release", "iterate"]
''',
    "q2_answer": '''
next_stage = {"s1": "discover", "s2": "plan", "s3": "design", "s4": "implement",
              "s5": "test", "s6": "release", "s7": "iterate", "s8": "iterate"}
''',
    "q3_answer": _Q3.replace('frame["substitutions_last_8w"] >= 3', 'frame["substitutions_last_8w"] > 3'),
    "q5_answer": _Q5.replace('validation["model_score"], validation["churned_next_4w"]',
                             'test["model_score"], test["churned_next_4w"]'),  # in the function and for accuracy
    "q8_answer": '''
mvp_scope = {"weekly_flag_list": "in", "voucher_email": "in", "holdout_group": "cut", "saves_dashboard": "in",
             "boosted_model": "in", "realtime_api": "cut", "personalised_vouchers": "cut",
             "score_explanations": "cut"}
''',
})

# --- typical mistakes: fp and fn swapped, the model compared at its accuracy threshold, ROI without
#     the build cost --------------------------------------------------------------------------------------

_SWAPPED = dict(_RIGHT)
_SWAPPED.update({
    "q3_answer": _Q3.replace('"fp": int((f & ~c).sum())', '"fp": int((~f & c).sum())', 1).replace(
        '"fn": int((~f & c).sum())', '"fn": int((f & ~c).sum())', 1),
    "q6_answer": _Q6.replace('test["model_score"] >= value_threshold', 'test["model_score"] >= accurate_threshold'),
    "q7_answer": _Q7.replace(
        'return ((monthly_gain - monthly_run_cost) * horizon - build_cost) / build_cost',
        'return (monthly_gain - monthly_run_cost) * horizon / build_cost'),
})

# --- half done: Q1 to Q4, the value half of Q5; the rest stubbed ---------------------------------------

_HALF = {
    "q1_answer": _STAGES,
    "q2_answer": _NEXT,
    "q3_answer": _Q3,
    "q4_answer": _Q4,
    "q5_answer": '''
def best_threshold(scores, churned, table, grid):
    evs = [ev_per_customer(confusion_counts(scores >= t, churned), table) for t in grid]
    return float(grid[int(np.argmax(evs))])


def accuracy_threshold(scores, churned, grid):
    pass  # TODO


def tune_and_measure(validation, test, table, grid):
    t = best_threshold(validation["model_score"], validation["churned_next_4w"], table, grid)
    return t, ev_per_customer(confusion_counts(test["model_score"] >= t, test["churned_next_4w"]), table)


value_threshold, model_ev = tune_and_measure(validation, test, table, THRESHOLDS)
accurate_threshold = None
print(f"best for value: {value_threshold}, best for accuracy: {accurate_threshold}")
''',
}

ATTEMPTS = {
    "blind_numpy_correct": {
        "answers": _NUMPY,
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 2, "q5_test": 3, "q6_test": 2,
                 "q7_test": 3, "q8_test": 2},
        "why": {},
    },
    "blind_flagged_denominator": {
        "answers": _FLAGGED,
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 1, "q5_test": 3, "q6_test": 1.5,
                 "q7_test": 1.5, "q8_test": 2},
        "why": {
            "q4_test": "the value table is right, but the EV divides by the flagged subscribers, not by all "
                       "of them: the pinned formula (half the question) is wrong",
            "q6_test": "scorecard and comparison are right, but heuristic_share is given in percent (e.g. 80.0) "
                       "where the prompt asks for a fraction",
            "q7_test": "payback, ROI and the heuristic's numbers are right, but the model's gain is its whole "
                       "EV over doing nothing, not what it adds over the rule: the question's key idea",
        },
    },
    "blind_order_insample": {
        "answers": _ORDER,
        "fair": {"q1_test": 0.5, "q2_test": 1.75, "q3_test": 1.25, "q4_test": 2, "q5_test": 2, "q6_test": 2,
                 "q7_test": 3, "q8_test": 1},
        "why": {
            "q1_test": "design and plan are swapped (scope and owners come before design); the rest in order",
            "q2_test": "7 of 8: s8 says the problem was misread (price, not substitutions), which sends the "
                       "team back to discover, not to iterate",
            "q3_test": "confusion counts right, but the rule uses > 3 substitutions instead of >= 3, so "
                       "subscribers with exactly 3 are missed",
            "q5_test": "both functions are right, but the thresholds are tuned on `test` instead of "
                       "`validation` (in tune_and_measure and for accuracy), against the prompt: the comparison "
                       "on test is no longer out of sample",
            "q8_test": "6 of 8 in/cut right, but the holdout (the only way to measure saves) is cut and the "
                       "boosted model kept: the MVP no longer tests the riskiest assumption",
        },
    },
    "blind_swapped_cells": {
        "answers": _SWAPPED,
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 1, "q4_test": 2, "q5_test": 3, "q6_test": 1.5,
                 "q7_test": 2.5, "q8_test": 2},
        "why": {
            "q3_test": "the rule is right, but confusion_counts swaps false positives and false negatives, "
                       "so the core counting (half the question) is wrong",
            "q6_test": "the scorecard is right, but the model column uses the accuracy threshold, not "
                       "value_threshold as asked",
            "q7_test": "payback and the model-on-top reasoning are right, but the ROI does not subtract the "
                       "build cost from the net return",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {"q1_test": 1, "q2_test": 2, "q3_test": 2, "q4_test": 2, "q5_test": 1.5, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0},
        "why": {
            "q5_test": "best_threshold and value_threshold are right; accuracy_threshold is a stub and "
                       "accurate_threshold is None: half the question",
        },
    },
}
