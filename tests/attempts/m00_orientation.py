"""Module 00 (orientation): four learner attempts and the points a fair teacher gives them.

Fair points were set from the prompts before grading: two attempts correct in other styles (one
reading the two-group situations the other way), typical first-day mistakes, and one half done.
"""

ASSIGNMENT = "00-orientation"

ATTEMPTS = {
    # crosstab and a loop over a list of pairs; S2, S3 and S6 read as their second group
    "crosstab-style": {
        "answers": {
            "q1_answer": '''\
def churn_by_segment(frame):
    table = pd.crosstab(frame["segment"], frame["churned_next_4w"], normalize="index")
    return table[True] if True in table.columns else table.iloc[:, 0] * 0


riskiest_segment = churn_by_segment(customers).sort_values(ascending=False).index[0]
print(churn_by_segment(customers), riskiest_segment)
''',
            "q2_answer": '''\
pairs = [("A1", "pm"), ("A2", "data scientist"), ("A3", "pm"), ("A4", "data scientist"), ("A5", "pm"),
         ("A6", "data scientist"), ("A7", "pm"), ("A8", "data scientist"), ("A9", "pm"), ("A10", "data scientist")]
who_owns = dict(pairs)
''',
            "q3_answer": '''\
skill_for = {"S1": "product strategy", "S2": "product strategy", "S3": "technical fluency",
             "S4": "technical fluency", "S5": "product strategy", "S6": "technical fluency",
             "S7": "influence", "S8": "technical fluency"}
''',
        },
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 2},
        "why": {},
    },
    # numpy sums; roles chosen by keyword rules
    "numpy-style": {
        "answers": {
            "q1_answer": '''\
import numpy as np


def churn_by_segment(frame):
    names = np.unique(frame["segment"])
    churned = frame["churned_next_4w"].to_numpy(dtype=bool)
    return pd.Series([churned[frame["segment"].to_numpy() == s].mean() for s in names], index=names)


rates = churn_by_segment(customers)
riskiest_segment = str(rates.index[np.argmax(rates.to_numpy())])
''',
            "q2_answer": '''\
why_what = ("Interview", "OKR", "finance", "Decide", "COO")
who_owns = {k: "pm" if any(word in text for word in why_what) else "data scientist" for k, text in ACTIVITIES.items()}
''',
            "q3_answer": '''\
groups = {"S1": 0, "S2": 1, "S3": 2, "S4": 3, "S5": 0, "S6": 1, "S7": 2, "S8": 3}
skill_for = {s: SKILL_GROUPS[i] for s, i in groups.items()}
''',
        },
        "fair": {"q1_test": 2, "q2_test": 2, "q3_test": 2},
        "why": {},
    },
    # counts instead of rates (riskiest follows them); the OKR and the voucher cost left to the data
    # scientist; fairness called influence
    "typical-mistakes": {
        "answers": {
            "q1_answer": '''\
def churn_by_segment(frame):
    return frame[frame["churned_next_4w"]].groupby("segment").size()


riskiest_segment = churn_by_segment(customers).idxmax()
''',
            "q2_answer": '''\
who_owns = {"A1": "pm", "A2": "data scientist", "A3": "data scientist", "A4": "data scientist",
            "A5": "data scientist", "A6": "data scientist", "A7": "pm", "A8": "data scientist", "A9": "pm",
            "A10": "data scientist"}
''',
            "q3_answer": '''\
skill_for = {"S1": "product strategy", "S2": "product delivery", "S3": "influence", "S4": "influence",
             "S5": "product strategy", "S6": "product delivery", "S7": "influence", "S8": "technical fluency"}
''',
        },
        "fair": {"q1_test": 0.5, "q2_test": 1.6, "q3_test": 1.75},
        "why": {
            "q1_test": "counts of churners, not rates: the function misses the question; riskiest_segment follows "
                       "from its own counts",
            "q2_test": "two of ten owners wrong (the OKR and the voucher's cost are the PM's)",
            "q3_test": "one of eight situations wrong (fairness and GDPR are technical fluency, module 07)",
        },
    },
    # question 1 only; the rest not started
    "half-done": {
        "answers": {
            "q1_answer": '''\
def churn_by_segment(frame):
    return frame.groupby("segment").churned_next_4w.mean()


riskiest_segment = churn_by_segment(customers).idxmax()
''',
        },
        "fair": {"q1_test": 2, "q2_test": 0, "q3_test": 0},
        "why": {},
    },
}

# Prompts that changed since the student version the benchmark's "before" run uses (issue 20).
CHANGED_SINCE_BEFORE = {"q3_test": "S2 and S6 reworded; the two-group situations accept either group"}
