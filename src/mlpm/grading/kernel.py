"""The Python kernel graded notebooks run in: ipykernel under an address-space cap.

``python -I -S path/to/kernel.py -f CONNECTION_FILE`` caps the address space at
``$MLPM_MEMORY_MB`` MiB (when set and positive), then becomes ``ipykernel_launcher``. Only the
kernel is capped, so the grading process itself never runs out of memory first.
"""

from __future__ import annotations

import os
import resource
import sys


def main() -> None:
    """Apply the cap and exec ipykernel with the same arguments."""
    megabytes = int(os.environ.get("MLPM_MEMORY_MB", "0") or 0)
    if megabytes > 0:
        cap = megabytes * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *sys.argv[1:]])


if __name__ == "__main__":
    main()
