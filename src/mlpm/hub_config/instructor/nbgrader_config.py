"""nbgrader settings of an instructor's server on the hub (see mlpm.hub): the course.

The course is the grading/ folder of the instructor's checkout of the project ($MLPM_COURSE,
by default ~/mlpm-workshop/grading); its own nbgrader_config.py is read here, so formgrader,
release and collect work on it from any folder.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

course = Path(os.environ.get("MLPM_COURSE", "~/mlpm-workshop/grading")).expanduser()
c.CourseDirectory.root = str(course)
load_subconfig(str(course / "nbgrader_config.py"))  # noqa: F821 - provided like get_config
