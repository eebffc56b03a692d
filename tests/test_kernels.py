"""Does a kernel started over IPC sockets leave nothing behind in the temporary folder?"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from mlpm.kernels import PREFIX, IpcKernelManager


def test_the_sockets_folder_goes_when_the_kernel_stops(tmp_path, monkeypatch):
    """Is each kernel's mlpm-kernel-* folder removed at shutdown, and kept across a restart?"""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)

    async def run() -> list[Path]:
        manager = IpcKernelManager(kernel_name="python3")
        await manager.start_kernel()
        folder = Path(os.path.dirname(manager.ip))
        started = [folder.is_dir()]
        await manager.restart_kernel(now=True)
        started.append(folder.is_dir())
        await manager.shutdown_kernel(now=True)
        return [folder, *started]

    folder, while_running, after_restart = asyncio.run(run())
    assert folder.name.startswith(PREFIX) and folder.parent == tmp_path
    assert while_running and after_restart
    assert not folder.exists()
    assert not list(tmp_path.glob(f"{PREFIX}*"))
