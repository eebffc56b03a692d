"""Allow `python -m mlpm`."""

import sys

from mlpm.cli import main

sys.exit(main())
