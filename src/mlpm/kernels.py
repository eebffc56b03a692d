"""A kernel manager for headless runs that uses Unix sockets instead of TCP ports.

With TCP, jupyter_client picks free ports and the kernel binds them a moment later; when
several kernels start at once (parallel notebook runs, parallel grading) another process
can take a port in between and the kernel fails with "Address already in use". Sockets in
a private folder cannot collide. The folder goes when the kernel stops (on a hub every
`mlpm check` starts a kernel: they must not pile up in the temporary folder).

Every headless run (`mlpm grade`, `mlpm check`, `mlpm run`) starts its kernels here, so here
their environment loses ``MLPM_ROOM_URL``: a grading run never reports to the room view
(:mod:`mlpm.checks.room_report`).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from jupyter_client import AsyncKernelManager
from traitlets import default

PREFIX = "mlpm-kernel-"
ROOM_URL = "MLPM_ROOM_URL"  # mlpm.checks.room_report.URL_VARIABLE (not imported: it loads numpy)


class IpcKernelManager(AsyncKernelManager):
    """Start kernels that talk over IPC sockets in their own temporary folder, removed at shutdown."""

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        return os.path.join(tempfile.mkdtemp(prefix=PREFIX), "kernel")

    async def _async_pre_start_kernel(self, **kw):
        """Prepare as jupyter_client does, in an environment without the room view's URL."""
        env = {name: value for name, value in kw.pop("env", os.environ).items() if name != ROOM_URL}
        return await super()._async_pre_start_kernel(env=env, **kw)

    pre_start_kernel = _async_pre_start_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        """Clean up as jupyter_client does, then remove the sockets' folder (kept on a restart)."""
        await super()._async_cleanup_resources(restart=restart)
        folder = os.path.dirname(self.ip)
        if not restart and os.path.basename(folder).startswith(PREFIX):
            shutil.rmtree(folder, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources
