"""``python -m naturplan``."""

import sys

from naturplan.cli import main

sys.exit(main())
