"""The ``naturplan`` command run in the test's own process (issue 21 §5).

A fresh interpreter costs about 0.7 s before any work; most command-line tests only need what
``naturplan.cli.main(argv)`` prints and returns. :func:`run_cli` runs it with stdout and
stderr captured and the environment the test asks for, and answers like
``subprocess.run(..., capture_output=True, text=True)``. A handful of tests keep a real process
on purpose: the entry point itself, exit codes seen by a shell, a broken pipe,
``NATURPLAN_DEBUG``, what a fresh interpreter imports, and the commands that draw with Qt
(``export``, ``parcel --pdf``), whose QGuiApplication must not be the test process's.
"""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Mapping, Sequence
from contextlib import redirect_stderr, redirect_stdout


def run_cli(args: Sequence[str], env: Mapping[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    """``naturplan ARGS`` in this process, with *env* as the whole environment if given."""
    from naturplan.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors, --help, --version
                if isinstance(exc.code, int) or exc.code is None:
                    code = int(exc.code or 0)
                else:
                    print(exc.code, file=err)
                    code = 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["naturplan", *args], code, out.getvalue(),
                                       err.getvalue())
