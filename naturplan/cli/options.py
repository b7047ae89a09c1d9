"""The data options every command takes, and what they describe.

``--layer ROLE=PATH[:LAYER]``, ``--kommune``, ``--assume-crs``, ``--field``, ``--sample-scale``,
``--no-sample``, ``--protected-roles`` and ``--lang``: parsed here once for every command.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.roles import Role, parse_role


def data_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("data")
    group.add_argument(
        "--layer", action="append", default=[], metavar="ROLE=PATH[:LAYER]",
        help="use this file for ROLE (municipality, parcels, addresses, nature_p3, natura2000, "
        "lowland, flood, forest_zones); repeatable; replaces the sample's layers of that role",
    )
    group.add_argument(
        "--kommune", metavar="KOMKODE",
        help="municipality by its 4-digit code from the national DAGI file (default 0851 "
        "Aalborg); several, comma-separated (0851,0849,0813), make one plan area",
    )
    group.add_argument(
        "--area", metavar="FILE",
        help="plan area drawn as a polygon file (e.g. a catchment), instead of --kommune; "
        "any CRS the file declares",
    )
    group.add_argument(
        "--assume-crs", metavar="EPSG",
        help="CRS of --layer files that declare none (never overrides a declared CRS)",
    )
    group.add_argument(
        "--field", action="append", default=[], metavar="ROLE.FIELD=SOURCE",
        help="map a source field to a role's field, e.g. nature_p3.Natyp_navn=TYPE; repeatable",
    )
    group.add_argument(
        "--sample-scale", type=float, default=None, metavar="S",
        help="scale of the synthetic Aalborg sample (1 = ~100,000 parcels; default: "
        "$NATURPLAN_SAMPLE_SCALE or 1)",
    )
    group.add_argument("--no-sample", action="store_true", help="open real data only")
    group.add_argument(
        "--protected-roles", metavar="ROLES",
        help="comma-separated roles that count as protected (default nature_p3)",
    )
    group.add_argument(
        "--lang", choices=("da", "en"), default=None, help="language (default da)"
    )
    return parent


def dataset_request(args: argparse.Namespace) -> Any:
    """The :class:`DatasetRequest` the data options describe."""
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.loading import parse_layer_arg

    fields = _parse_fields(args.field)
    layers = []
    for text in args.layer:
        request = parse_layer_arg(text, assume_crs=args.assume_crs)
        if request.role in fields:
            request = dataclasses.replace(request, fields=fields[request.role])
        layers.append(request)
    # A mapping for a role without --layer maps that role's default layers (and is refused
    # there if their fields do not fit, or if no layer plays the role).
    given = {layer.role for layer in layers}
    defaults = {role: mapping for role, mapping in fields.items() if role not in given}
    scale = args.sample_scale
    if scale is None:
        scale = float(os.environ.get("NATURPLAN_SAMPLE_SCALE", "1"))
    if not 0 < scale <= 4:
        raise NaturplanError("--sample-scale must be in (0, 4], got {scale}.", scale=f"{scale:g}")
    area = None
    if getattr(args, "area", None) and args.kommune:
        from naturplan.core.errors import UsageError

        raise UsageError("Give the plan area either with --kommune or with --area, not both.")
    if getattr(args, "area", None):
        from pathlib import Path

        from naturplan.io.loading import LayerRequest

        area = LayerRequest(Role.MUNICIPALITY, Path(args.area), assume_crs=args.assume_crs)
    return DatasetRequest(
        kommune=args.kommune, layers=tuple(layers), sample_scale=scale,
        use_sample=not args.no_sample, fields=defaults, area=area,
    )


def explicit_data(args: argparse.Namespace) -> bool:
    """True if the user gave any data option (else a project's own record applies)."""
    return bool(
        args.layer or args.kommune or getattr(args, "area", None) or args.field or args.no_sample
        or args.sample_scale is not None or args.protected_roles
    )


def data_for(args: argparse.Namespace) -> tuple[Any, tuple[Role, ...]]:
    """The dataset request and protected roles to use.

    With ``--project`` and no data options: what the project was last measured against
    (its settings), so that a plan reopens with its own layers; otherwise the options.
    """
    project = getattr(args, "project", None)
    if project is not None and not explicit_data(args):
        from naturplan.io.project.settings import recorded_request

        recorded = recorded_request(project)
        if recorded is not None:
            return recorded
    return dataset_request(args), protected_roles(args)


def protected_roles(args: argparse.Namespace) -> tuple[Role, ...]:
    """The roles that count as protected, from ``--protected-roles``."""
    from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES

    if not args.protected_roles:
        return DEFAULT_PROTECTED_ROLES
    return tuple(parse_role(name) for name in args.protected_roles.split(",") if name.strip())


def _parse_fields(items: Sequence[str]) -> dict[Role, dict[str, str]]:
    """``--field ROLE.FIELD=SOURCE`` items by role; a FIELD the role does not have is refused
    at once, with the role's fields (the source fields are checked where the layer is read).
    """
    from naturplan.core.layers.fieldmap import user_mapping

    out: dict[Role, dict[str, str]] = {}
    for item in items:
        key, sep, source = item.partition("=")
        role_name, dot, field_name = key.partition(".")
        if not sep or not dot or not field_name or not source:
            raise NaturplanError("--field wants ROLE.FIELD=SOURCE, got '{text}'.", text=item)
        out.setdefault(parse_role(role_name), {})[field_name.strip()] = source.strip()
    for role, mapping in out.items():
        user_mapping(role, mapping)
    return out


class ProgressLine:
    """Progress of long work on stderr: one line, redrawn in place on a terminal.

    The first-run sample build is shown at once, step by step: it is the long wait. Other
    work shows a line only once it has taken *delay* seconds (``stats`` on a built sample
    shows nothing). On a terminal the line is redrawn every *interval* seconds with the
    elapsed time and cleared at the end; elsewhere (a log file) only the sample build is
    reported, each of its steps once on its own line, so that a script's stderr holds nothing
    but what matters.

    Use as a context manager and pass the object as the ``progress(fraction, message)``
    callback. Messages are translated (context ``progress``). While the sample is built the
    percentage is the build's own (it is nearly all the time the command takes).
    """

    def __init__(
        self, stream: Any = None, lang: str | None = None, delay: float = 0.5,
        interval: float = 0.25,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._lang = lang
        self._delay, self._interval = delay, interval
        self._tty = bool(getattr(self._stream, "isatty", lambda: False)())
        self._lock = threading.RLock()
        self._state = (0.0, "", "")  # fraction, title, detail
        self._printed = ""
        self._drawn = False
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, fraction: float, message: str) -> None:
        from naturplan.io.datasets import BUILDING_SAMPLE, SAMPLE_SHARE

        with self._lock:
            _, title, detail = self._state
            if message == BUILDING_SAMPLE:
                title, detail = message, ""
            elif title == BUILDING_SAMPLE and fraction < SAMPLE_SHARE:
                detail = message
            else:
                title, detail = message, ""
            self._state = (fraction, title, detail)
            if title == BUILDING_SAMPLE or (self._drawn and self._tty):
                self._draw()  # every step of the build at once, not at the next tick

    def __enter__(self) -> ProgressLine:
        self._start = time.monotonic()
        if self._tty:  # the ticker: the delayed first line and the running seconds
            self._thread = threading.Thread(
                target=self._run, name="naturplan-progress", daemon=True
            )
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        with self._lock:
            if self._drawn and self._tty:
                self._stream.write("\r\x1b[K")
                self._stream.flush()

    def text(self) -> str:
        """The line as it would be shown now."""
        from naturplan.io.datasets import BUILDING_SAMPLE, build_fraction
        from naturplan.text.i18n import tr
        from naturplan.text.numbers import format_number

        with self._lock:
            fraction, title, detail = self._state
        if title == BUILDING_SAMPLE:  # the build is nearly all the time: show its own share
            fraction = build_fraction(fraction)
        words = tr(self._lang, "progress", title) if title else ""
        if detail:
            words = f"{words}: {tr(self._lang, 'progress', detail)}"
        percent = format_number(100.0 * fraction, 0, self._lang or "da")
        return f"naturplan: {words} ({percent} %)"

    def _run(self) -> None:
        if self._stop.wait(self._delay):
            return
        while True:
            with self._lock:
                self._draw()
            if self._stop.wait(self._interval):
                return

    def _draw(self) -> None:
        """Write the line (the caller holds the lock)."""
        from naturplan.io.datasets import BUILDING_SAMPLE

        if self._stop.is_set():
            return
        text = self.text()
        if self._tty:
            seconds = int(time.monotonic() - self._start)
            self._stream.write(f"\r\x1b[K{text} {seconds} s")
        elif self._state[1] == BUILDING_SAMPLE and text != self._printed:
            self._stream.write(text + "\n")
        else:
            return
        self._printed = text
        self._drawn = True
        self._stream.flush()


def progress_printer(enabled: bool) -> Any:
    """A ``progress(fraction, message)`` that prints a line per 5 % step when *enabled*
    (for commands that report their own steps; ``stats`` uses :class:`ProgressLine`)."""
    last = [-1]

    def report(fraction: float, message: str) -> None:
        step = int(fraction * 20)
        if enabled and step != last[0]:
            last[0] = step
            print(f"  {fraction * 100:5.1f} %  {message}", file=sys.stderr, flush=True)

    return report


def without_cloud_sessions() -> None:
    """Keep rasterio from importing boto3 (its S3 sessions: 0.15-0.4 s of start-up, issue
    24) in a command that reads local files only. rasterio falls back to a plain session
    when boto3 cannot be imported; one already imported is left alone."""
    sys.modules.setdefault("boto3", None)  # type: ignore[arg-type]
