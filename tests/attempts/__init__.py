"""Realistic learner attempts per module, with the points a fair teacher gives each question.

Each module ``mNN_<slug>.py`` defines ``ASSIGNMENT`` and ``ATTEMPTS``: attempt name ->
``answers`` (answer cell grade_id -> code), ``fair`` (test cell grade_id -> points) and
``why`` (test cell grade_id -> one line, for every question not at full or zero marks).
Used by ``tests/test_attempts.py`` and ``benchmarks/fair_grading.py``.
"""
