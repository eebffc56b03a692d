"""Grading a class with nbgrader: `mlpm grade` (instructors) and `mlpm check` (learners).

One module per job: ``course`` prepares a private nbgrader course for one assignment,
``collect`` reads submissions from a folder or zip, ``autograde`` grades each submission in
isolation with time and memory limits, ``gradebook`` merges results into the instructor's
gradebook, ``feedback`` writes per-student HTML, ``report`` writes grades.csv and the class
report, ``grade`` and ``check`` tie them together for the command line.
"""
