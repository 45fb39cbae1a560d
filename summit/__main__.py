"""`python -m summit` runs the same command as the `summit` script."""

import sys

from summit.cli import main

sys.exit(main())
