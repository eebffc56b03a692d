"""Known-wrong answers and fairly graded answers for 00-orientation.

WRONG_ANSWERS: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded or subtly wrong answer).

FAIR_SCORES: case -> (answer cell grade_id, replacement code, points a fair teacher gives the
question whose test cell follows).
"""

from known_wrong import blind_attempt_scores

ASSIGNMENT = "00-orientation"

_KEY_OWNS = {"A1": "pm", "A2": "data scientist", "A3": "pm", "A4": "data scientist", "A5": "pm",
             "A6": "data scientist", "A7": "pm", "A8": "data scientist", "A9": "pm", "A10": "data scientist"}
_KEY_SKILL = {"S1": "product strategy", "S2": "product delivery", "S3": "influence", "S4": "technical fluency",
              "S5": "product strategy", "S6": "product delivery", "S7": "influence", "S8": "technical fluency"}


def _owns(**changes: str) -> str:
    return f"who_owns = {({**_KEY_OWNS, **changes})!r}\n"


def _skills(**changes: str) -> str:
    return f"skill_for = {({**_KEY_SKILL, **changes})!r}\n"


WRONG_ANSWERS = {
    "churners_counted_not_rated": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].sum()
riskiest_segment = churn_by_segment(customers).idxmax()
""", "visible"),
    "rates_as_percentages": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].mean() * 100
riskiest_segment = churn_by_segment(customers).idxmax()
""", "visible"),
    "share_of_all_churners_not_of_the_segment": ("q1_answer", """
def churn_by_segment(frame):
    churners = frame[frame["churned_next_4w"]]
    return churners["segment"].value_counts(normalize=True)
riskiest_segment = churn_by_segment(customers).idxmax()
""", "visible"),
    "riskiest_is_the_lowest_rate": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].mean()
riskiest_segment = churn_by_segment(customers).idxmin()
""", "visible"),
    "segments_typed_in": ("q1_answer", """
def churn_by_segment(frame):
    return pd.Series({s: frame.loc[frame["segment"] == s, "churned_next_4w"].mean()
                      for s in ["couple", "family", "single"]})
riskiest_segment = "family"
""", "hidden"),
    "everything_the_pm_does": ("q2_answer", f"who_owns = {dict.fromkeys(_KEY_OWNS, 'pm')!r}\n", "visible"),
    "model_quality_called_pm_work": ("q2_answer", _owns(A8="pm"), "hidden"),
    "finance_talk_left_to_the_data_scientist": ("q2_answer", _owns(A5="data scientist"), "hidden"),
    "roles_in_capitals": ("q2_answer", f"who_owns = {({k: v.upper() for k, v in _KEY_OWNS.items()})!r}\n",
                          "visible"),
    "fairness_called_influence": ("q3_answer", _skills(S4="influence"), "hidden"),
    "dashboard_reading_called_strategy": ("q3_answer", _skills(S6="product strategy"), "hidden"),
    "bad_news_as_delivery": ("q3_answer", _skills(S7="product delivery"), "visible"),
    "one_situation_missing": ("q3_answer", _skills() + "del skill_for['S8']\n", "visible"),
}

FAIR_SCORES = {
    "rates_from_value_counts": ("q1_answer", """
def churn_by_segment(frame):
    counts = frame.groupby("segment")["churned_next_4w"].value_counts(normalize=True)
    return counts.xs(True, level=1).reindex(sorted(frame["segment"].unique()), fill_value=0.0)
riskiest_segment = churn_by_segment(customers).sort_values().index[-1]
""", 2.0),
    "rates_as_a_one_column_frame": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")[["churned_next_4w"]].mean()
riskiest_segment = str(churn_by_segment(customers)["churned_next_4w"].idxmax())
""", 2.0),
    "rates_by_division_in_a_loop": ("q1_answer", """
def churn_by_segment(frame):
    rates = {}
    for segment in frame["segment"].unique():
        rows = frame[frame["segment"] == segment]
        rates[segment] = rows["churned_next_4w"].sum() / len(rows)
    return pd.Series(rates)
riskiest_segment = max(churn_by_segment(customers).items(), key=lambda kv: kv[1])[0]
""", 2.0),
    "counts_then_riskiest_consistent_with_own_rates": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].sum()
riskiest_segment = churn_by_segment(customers).idxmax()
""", 0.46),  # the function fails on the toy and on other data (2.5 of 3.25 weight); riskiest_segment, consistent
    # with it, keeps its 0.75
    "rounded_rates_cost_once": ("q1_answer", """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].mean().round(3)
riskiest_segment = churn_by_segment(customers).idxmax()
""", 1.38),  # fair 1.5: the visible check is exact (1 of 3.25 weight), the hidden one lenient
    "percentages_cost_once": ("q1_answer", """
def churn_by_segment(frame):
    return 100 * frame.groupby("segment")["churned_next_4w"].mean()
riskiest_segment = churn_by_segment(customers).idxmax()
""", 1.38),  # fair 1.0: the pinned unit is missed; the hidden check is lenient by design
    "one_activity_wrong_of_ten": ("q2_answer", _owns(A6="pm"), 1.82),
    "key_written_with_a_loop": ("q2_answer", """
who_owns = {}
for key, text in ACTIVITIES.items():
    who_owns[key] = ROLES[0] if key in ("A1", "A3", "A5", "A7", "A9") else ROLES[1]
""", 2.0),
    "one_situation_wrong_of_eight": ("q3_answer", _skills(S8="product delivery"), 1.78),
    # S2, S3 and S6 call on two groups about equally: either is accepted
    "two_group_situations_read_the_other_way": (
        "q3_answer", _skills(S2="product strategy", S3="technical fluency", S6="technical fluency"), 2.0),
    # the three attempts graded with `mlpm check` (another style, typical mistakes, half done), question by question
    "attempt_another_style_q1": ("q1_answer", """\
def churn_by_segment(frame):
    rates = {}
    for segment in sorted(frame["segment"].unique()):
        rows = frame[frame["segment"] == segment]
        rates[segment] = rows["churned_next_4w"].sum() / len(rows)
    return pd.Series(rates, name="churn_rate")

rates = churn_by_segment(customers)
riskiest_segment = rates.sort_values(ascending=False).index[0]
print(rates, riskiest_segment)
""", 2.0),
    "attempt_another_style_q2": ("q2_answer", """\
pm_work = {"A1", "A3", "A5", "A7", "A9"}
who_owns = {key: ("pm" if key in pm_work else "data scientist") for key in ACTIVITIES}
""", 2.0),
    "attempt_another_style_q3": ("q3_answer", """\
by_group = {"product strategy": ["S1", "S5"], "product delivery": ["S2", "S6"],
            "influence": ["S3", "S7"], "technical fluency": ["S4", "S8"]}
skill_for = {s: g for g, ss in by_group.items() for s in ss}
""", 2.0),
    # typical mistakes: q1's percentages are 'percentages_cost_once' above
    "attempt_typical_mistakes_q2_okr_as_modelling": ("q2_answer", """\
who_owns = {"A1": "pm", "A2": "data scientist", "A3": "data scientist", "A4": "data scientist",
            "A5": "pm", "A6": "data scientist", "A7": "pm", "A8": "data scientist", "A9": "pm",
            "A10": "data scientist"}
""", 1.82),
    "attempt_typical_mistakes_q3_two_situations_off": ("q3_answer", """\
skill_for = {"S1": "product strategy", "S2": "product delivery", "S3": "technical fluency",
             "S4": "technical fluency", "S5": "product strategy", "S6": "technical fluency",
             "S7": "influence", "S8": "technical fluency"}
""", 2.0),  # S3 and S6 as technical fluency: defensible, accepted since the prompt says so
    "attempt_half_done_q1_riskiest_missing": ("q1_answer", """\
def churn_by_segment(frame):
    return frame.groupby("segment").churned_next_4w.mean()
del riskiest_segment
""", 1.54),  # fair 1.0-1.5: riskiest_segment is missing, but the function is the core (2.5 of 3.25 weight)
}


# ---- blind learner attempts (played without the solution): every answer cell of an attempt, then the
# points per question. Each case runs the attempt's answers up to that question, as its notebook would.
# The comment gives the fair points decided from the prompt before grading, where they differ.
_BLIND = {
    "blind-other-style": {
        "q1_answer": """
import numpy as np

def churn_by_segment(frame):
    # churners per segment over subscribers per segment
    sizes = frame["segment"].value_counts()
    churners = frame.loc[frame["churned_next_4w"], "segment"].value_counts().reindex(sizes.index, fill_value=0)
    return (churners / sizes).sort_index()


riskiest_segment = np.str_(churn_by_segment(customers).sort_values().index[-1])
print(churn_by_segment(customers), riskiest_segment)
""",
        "q2_answer": """
pm_work = ("A1", "A3", "A5", "A7", "A9")
who_owns = {key: ("pm" if key in pm_work else "data scientist") for key in ACTIVITIES}
""",
        "q3_answer": """
skill_for = dict(zip(
    ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"],
    ["product strategy", "product delivery", "influence", "technical fluency",
     "product strategy", "product delivery", "influence", "technical fluency"]))
""",
    },
    "blind-typical-mistakes": {
        "q1_answer": """
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].mean() * 100   # in %


riskiest_segment = churn_by_segment(customers).idxmax()
print(churn_by_segment(customers), riskiest_segment)
""",
        "q2_answer": """
who_owns = {"A1": "pm", "A2": "data scientist", "A3": "pm", "A4": "data scientist", "A5": "data scientist",
            "A6": "data scientist", "A7": "pm", "A8": "pm", "A9": "pm", "A10": "data scientist"}
""",
        "q3_answer": """
skill_for = {"S1": "product strategy", "S2": "product delivery", "S3": "technical fluency",
             "S4": "technical fluency", "S5": "product strategy", "S6": "product delivery", "S7": "influence",
             "S8": "technical fluency"}
""",
    },
    "blind-early-slip": {
        "q1_answer": """
def churn_by_segment(frame):
    # share of ALL subscribers who churned, split by segment (wrong denominator)
    return frame.groupby("segment")["churned_next_4w"].sum() / len(frame)


riskiest_segment = churn_by_segment(customers).idxmax()
print(churn_by_segment(customers), riskiest_segment)
""",
        "q2_answer": """
pm_work = ("A1", "A3", "A5", "A7", "A9")
who_owns = {key: ("pm" if key in pm_work else "data scientist") for key in ACTIVITIES}
""",
        "q3_answer": """
skill_for = dict(zip(
    ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"],
    ["product strategy", "product delivery", "influence", "technical fluency",
     "product strategy", "product delivery", "influence", "technical fluency"]))
""",
    },
}
_BLIND_POINTS = {
    "blind-other-style": {
        "q1_answer": 2.0,
        "q2_answer": 2.0,
        "q3_answer": 2.0,
    },
    "blind-typical-mistakes": {
        "q1_answer": 1.38,  # fair 1.0-1.5: a percentage is charged once, by the visible check (hidden checks
        # are lenient by design)
        "q2_answer": 1.64,
        "q3_answer": 2.0,  # S3 as technical fluency is accepted
    },
    "blind-early-slip": {
        "q1_answer": 0.46,  # fair 0.5: the wrong denominator fails the function's checks; riskiest_segment,
        # consistent with it, keeps its 0.75 of 3.25 weight
        "q2_answer": 2.0,
        "q3_answer": 2.0,
    },
}


FAIR_SCORES.update(blind_attempt_scores(_BLIND, _BLIND_POINTS))

# The message each mistake is named for (a substring of what the learner sees after the test cell).
MESSAGES = {
    "churners_counted_not_rated": "it looks like counts or percentages",
    "rates_as_percentages": "it looks like percentages",
    "share_of_all_churners_not_of_the_segment": "share of all churners",
    "riskiest_is_the_lowest_rate": "is not the segment with the highest churn rate",
    "segments_typed_in": "is labelled differently",
    "everything_the_pm_does": "what to build and why",
    "model_quality_called_pm_work": "what to build and why",
    "finance_talk_left_to_the_data_scientist": "what to build and why",
    "roles_in_capitals": "should be one of 'pm', 'data scientist', as a string",
    "fairness_called_influence": "says which modules train each group",
    "dashboard_reading_called_strategy": "says which modules train each group",
    "bad_news_as_delivery": "says which modules train each group",
    "one_situation_missing": "has no entry for 'S8'",
}
