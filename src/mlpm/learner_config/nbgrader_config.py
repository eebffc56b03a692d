# nbgrader settings for the learner's lab, where nbgrader only runs Validate (without this file
# it also warns "No nbgrader_config.py file found" on every Validate).
import os

c = get_config()  # noqa: F821 - provided by the config loader
if os.name == "posix":
    # Validate's kernel talks over local sockets, as the lab's kernels do (on TCP, ipykernel warns).
    c.KernelManager.transport = "ipc"
