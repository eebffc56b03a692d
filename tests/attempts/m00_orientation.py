"""Module 00 (orientation): three learner attempts and the points a fair teacher gives them."""

ASSIGNMENT = "00-orientation"

ATTEMPTS = {
    "another-style": {
        # loops and dict comprehensions instead of groupby and literals; all correct
        "answers": {
            'q1_answer': '''\
def churn_by_segment(frame):
    rates = {}
    for segment in sorted(frame["segment"].unique()):
        rows = frame[frame["segment"] == segment]
        rates[segment] = rows["churned_next_4w"].sum() / len(rows)
    return pd.Series(rates, name="churn_rate")

rates = churn_by_segment(customers)
riskiest_segment = rates.sort_values(ascending=False).index[0]
print(rates, riskiest_segment)
''',
            'q2_answer': '''\
pm_work = {"A1", "A3", "A5", "A7", "A9"}
who_owns = {key: ("pm" if key in pm_work else "data scientist") for key in ACTIVITIES}
''',
            'q3_answer': '''\
by_group = {"product strategy": ["S1", "S5"], "product delivery": ["S2", "S6"],
            "influence": ["S3", "S7"], "technical fluency": ["S4", "S8"]}
skill_for = {s: g for g, ss in by_group.items() for s in ss}
''',
        },
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 2},
        "why": {},
    },
    "typical-mistakes": {
        # a data scientist new to product work: percentages, the OKR seen as modelling work, explaining
        # a model and reading a dashboard seen as technical
        "answers": {
            'q1_answer': '''\
def churn_by_segment(frame):
    return frame.groupby("segment")["churned_next_4w"].mean() * 100   # in %

riskiest_segment = churn_by_segment(customers).idxmax()
print(churn_by_segment(customers))
''',
            'q2_answer': '''\
who_owns = {"A1": "pm", "A2": "data scientist", "A3": "data scientist", "A4": "data scientist",
            "A5": "pm", "A6": "data scientist", "A7": "pm", "A8": "data scientist", "A9": "pm",
            "A10": "data scientist"}
''',
            'q3_answer': '''\
skill_for = {"S1": "product strategy", "S2": "product delivery", "S3": "technical fluency",
             "S4": "technical fluency", "S5": "product strategy", "S6": "technical fluency",
             "S7": "influence", "S8": "technical fluency"}
''',
        },
        "fair": {"q1_test": 1.5, "q2_test": 1.8, "q3_test": 1.5},
        "why": {
            "q1_test": "rates as percentages against the pinned share: the convention slip costs a quarter, once",
            "q2_test": "9 of 10 activities right (the OKR is the PM's)",
            "q3_test": "6 of 8 situations right (explaining a model is influence; the dashboard is delivery)",
        },
    },
    "half-done": {
        # the function written, riskiest_segment forgotten; Q2 right; Q3 not started
        "answers": {
            'q1_answer': '''\
def churn_by_segment(frame):
    return frame.groupby("segment").churned_next_4w.mean()

''',
            'q2_answer': '''\
who_owns = {"A1": "pm", "A2": "data scientist", "A3": "pm", "A4": "data scientist",
            "A5": "pm", "A6": "data scientist", "A7": "pm", "A8": "data scientist", "A9": "pm",
            "A10": "data scientist"}
''',
        },
        "fair": {"q1_test": 1.5, "q2_test": 2, "q3_test": 0},
        "why": {"q1_test": "the function is the larger part of the question; riskiest_segment is missing"},
    },
}
