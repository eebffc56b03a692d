"""nbgrader settings every server on the hub shares (see mlpm.hub): the course and the exchange.

The hub sets both through its spawner's environment (deploy/jupyterhub_config.py), which also
makes the exchange root 1777 (sticky) and the course's folder in it, owned by the instructor.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

c.CourseDirectory.course_id = os.environ.get("MLPM_COURSE_ID", "mlpm-workshop")
c.Exchange.root = os.environ.get("MLPM_EXCHANGE", "/srv/nbgrader/exchange")
