"""A kernel manager for headless runs that uses Unix sockets instead of TCP ports.

With TCP, jupyter_client picks free ports and the kernel binds them a moment later; when
several kernels start at once (parallel notebook runs, parallel grading) another process
can take a port in between and the kernel fails with "Address already in use". Sockets in
a private folder cannot collide.
"""

from __future__ import annotations

import os
import tempfile

from jupyter_client import AsyncKernelManager
from traitlets import default


class IpcKernelManager(AsyncKernelManager):
    """Start kernels that talk over IPC sockets in their own temporary folder."""

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        return os.path.join(tempfile.mkdtemp(prefix="mlpm-kernel-"), "kernel")
