"""Service tests: real servers on loopback (``tests/loopback.py``), offscreen Qt for drawing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from loopback_fixtures import *  # noqa: E402,F401,F403 - the server fixtures
