"""Is `mlpm run` quiet about kernels: nothing on the terminal but the table?"""

from __future__ import annotations

import asyncio
import signal

import pytest

from mlpm.execute import QuietKernelManager

pytestmark = pytest.mark.notebooks


def test_a_finished_runs_kernel_is_stopped_without_an_interrupt():
    """Does stopping a run's kernel skip jupyter_client's interrupt (ipykernel logs it as an ERROR line),
    while an interrupt asked for during the run (a cell that timed out) still reaches the kernel?"""
    manager = QuietKernelManager(kernel_name="python3")
    sent = []
    signal_kernel = manager._async_signal_kernel

    async def recording(signum):
        sent.append(signum)
        await signal_kernel(signum)

    manager._async_signal_kernel = recording

    async def run():
        await manager.start_kernel()
        try:
            await manager.interrupt_kernel()
            assert sent == [signal.SIGINT]
        finally:
            await manager.shutdown_kernel()
        return await manager.is_alive()

    assert asyncio.run(run()) is False
    assert sent == [signal.SIGINT], "the shutdown interrupted the kernel"
