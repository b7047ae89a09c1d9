"""The desktop bundle's entry point (PyInstaller, ``desktop/build_bundle.py``): the
``naturplan`` command, the same as the console script of the wheel."""

import multiprocessing
import sys

from naturplan.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen program must say so before any child starts
    sys.exit(main())
