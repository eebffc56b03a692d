"""nbgrader settings of a learner's server on the hub (see mlpm.hub).

Released assignments land in the workspace's exercises/ folder, where `mlpm lab` already put
the workshop's copies, and are submitted from there: the learner hands in what they worked
on, from the Assignments tab or a terminal in any folder. Fetching never overwrites: it only
adds the files that are missing.
"""

from mlpm.hub import workspace_folder

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.Exchange.assignment_dir = str(workspace_folder() / "exercises")
c.ExchangeFetchAssignment.replace_missing_files = True
