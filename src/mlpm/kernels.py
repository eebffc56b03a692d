"""A kernel manager for headless runs that uses Unix sockets instead of TCP ports.

With TCP, jupyter_client picks free ports and the kernel binds them a moment later; when
several kernels start at once (parallel notebook runs, parallel grading) another process
can take a port in between and the kernel fails with "Address already in use". Sockets in
a private folder cannot collide. The folder goes when the kernel stops (on a hub every
`mlpm check` starts a kernel: they must not pile up in the temporary folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from jupyter_client import AsyncKernelManager
from traitlets import default

PREFIX = "mlpm-kernel-"


class IpcKernelManager(AsyncKernelManager):
    """Start kernels that talk over IPC sockets in their own temporary folder, removed at shutdown."""

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        return os.path.join(tempfile.mkdtemp(prefix=PREFIX), "kernel")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        """Clean up as jupyter_client does, then remove the sockets' folder (kept on a restart)."""
        await super()._async_cleanup_resources(restart=restart)
        folder = os.path.dirname(self.ip)
        if not restart and os.path.basename(folder).startswith(PREFIX):
            shutil.rmtree(folder, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources
