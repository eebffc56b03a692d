"""Realistic learner attempts per module, with the points a fair teacher gives each question.

Each module ``mNN_<slug>.py`` defines ``ASSIGNMENT`` and ``ATTEMPTS``: attempt name ->
``answers`` (answer cell grade_id -> code), ``fair`` (test cell grade_id -> points) and
``why`` (test cell grade_id -> one line, for every question not at full or zero marks), and
optionally ``OLD_NAMES`` (a name in today's prompt -> the name the student version at the
benchmark's ``BEFORE_COMMIT`` used for the same thing, for its "before" run) and
``CHANGED_SINCE_BEFORE`` (test cell grade_id -> how its prompt changed since that commit, so that
the benchmark leaves it out of "before").
Used by ``tests/test_attempts.py`` and ``benchmarks/fair_grading.py``.
"""
