"""The room view: a JupyterHub service that shows an instructor, live, where each learner stands.

Learners' check cells report each outcome (``POST api/results``, with the learner's own server
token; the contract is in the README's workshop section); instructors open the page from the
hub's Services menu. ``results`` validates and stores outcomes (SQLite), ``grid`` turns them
into the learners x questions grid with the stuck rule, ``service`` is the tornado application.
"""
