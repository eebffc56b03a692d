# The learner's lab needs no nbgrader settings: Validate works on the open notebook alone.
# This file only tells nbgrader so; without it, every Validate logs "No nbgrader_config.py file found".
