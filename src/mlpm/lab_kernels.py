"""The kernel manager of `mlpm lab`'s server: a kernel stopped for good is not interrupted first.

jupyter_client interrupts every kernel before it shuts it down. When the lab stops, that
interrupt lands in kernels still starting (a KeyboardInterrupt traceback from the middle of
their imports) and in idle kernels handling a message ("KeyboardInterrupt caught in kernel."),
on the learner's terminal. Here a kernel shut down for good gets only the shutdown request
(and is killed if it does not exit in time); a restart keeps the interrupt. Kernels still
running a cell are interrupted by `mlpm lab` before it stops the server (``lab.settle_kernels``).
"""

from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import ServerKernelManager


class LabKernelManager(ServerKernelManager):
    """A server kernel manager whose final shutdown skips the interrupt."""

    _final_shutdown = False

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:
        self._final_shutdown = not restart
        try:
            await super().shutdown_kernel(now=now, restart=restart)
        finally:
            self._final_shutdown = False

    async def _async_interrupt_kernel(self) -> None:
        if not self._final_shutdown:
            await super()._async_interrupt_kernel()
