"""Known-wrong answers, one module per assignment, each named by the mistake it represents."""
