"""Start the grading kernel early, so that it boots while nbgrader prepares the notebook.

A kernel takes most of a second to start (Python, then ipykernel and IPython). nbgrader only
starts one when it reaches its Execute step, after it has read the gradebook, checked and
cleaned the submission. The grading child calls :func:`start` first instead, and
:class:`Execute` (nbgrader's, configured in its place) takes that kernel over rather than
starting its own. The kernel is started as nbgrader would start it: the same kernelspec, the
notebook's folder as working folder, nbgrader's environment and an in-memory history.
"""

from __future__ import annotations

import os
from pathlib import Path

from jupyter_core.utils import run_sync
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute as NbgraderExecute

from mlpm.kernels import IpcKernelManager

KERNEL = "python3"
_started: IpcKernelManager | None = None


def start(folder: Path) -> None:
    """Start a ``python3`` kernel in ``folder`` for the next :class:`Execute` to take over."""
    global _started
    manager = IpcKernelManager(kernel_name=KERNEL)
    run_sync(manager.start_kernel)(
        cwd=str(folder),
        env=dict(os.environ, NBGRADER_EXECUTION="autograde"),  # what nbgrader sets while it executes
        extra_arguments=["--HistoryManager.hist_file=:memory:"],  # what nbclient passes
    )
    _started = manager


class Execute(NbgraderExecute):
    """nbgrader's Execute step, run in the kernel :func:`start` started when there is one.

    Any other kernel it starts talks over IPC sockets (:class:`~mlpm.kernels.IpcKernelManager`):
    nbgrader's own step passes its kernel manager as an argument, so configuring
    ``ExecutePreprocessor.kernel_manager_class`` cannot change it. The course's
    ``nbgrader_config.py`` names this step, so plain ``nbgrader autograde`` uses it too.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", IpcKernelManager)
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):
        global _started
        wanted = self.kernel_name or self.nb.metadata.get("kernelspec", {}).get("name")
        if _started is None or wanted != KERNEL:
            return super().create_kernel_manager()
        self.kernel_name, self.km, _started = KERNEL, _started, None
        return self.km


def autograde_steps() -> list[type]:
    """nbgrader's autograde preprocessors, with :class:`Execute` in place of nbgrader's own."""
    defaults = Autograde.class_traits()["autograde_preprocessors"].default()
    return [Execute if step is NbgraderExecute else step for step in defaults]
