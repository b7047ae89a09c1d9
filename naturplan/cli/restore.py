"""``naturplan candidates restore ID --lift FEATURE=CLASS …``: the §3 features a "restore"
candidate lifts, and to which condition class (issue 25 item 1), stored in the project's
``restoration`` record (:mod:`naturplan.io.restoration`; one audited settings change).

Every feature id must be one of the §3 layer's (``Objekt_id`` of the ``nature_p3`` role, the
project's layers or the data options) and every class I-V; otherwise one line and nothing is
written. ``--clear`` stores an empty record (the candidate lifts nothing, its note is no
longer read).
"""

from __future__ import annotations

import argparse
from typing import Any

from naturplan.core.errors import UsageError
from naturplan.core.share.condition import ConditionClass, parse_condition

CONTEXT = "cli_candidates"
_ROMAN = ("I", "II", "III", "IV", "V")


def add_parser(sub: Any, data_parent: argparse.ArgumentParser, project_option: Any,
               author_option: Any) -> None:
    """Add ``candidates restore`` to the ``candidates`` parser."""
    restore = sub.add_parser("restore", parents=[data_parent],
                             help="set the §3 features a candidate area lifts to a condition "
                                  "class")
    restore.add_argument("id", metavar="ID", help="the id, or its first characters (list "
                                                  "shows 8)")
    project_option(restore)
    restore.add_argument("--lift", dest="lifts", action="append", default=[],
                         metavar="FEATURE_ID=CLASS",
                         help="a §3 feature id (Objekt_id) and the class I-V it is lifted to; "
                              "repeat for more")
    restore.add_argument("--clear", action="store_true",
                         help="the candidate area lifts no §3 features")
    author_option(restore)


def parse_lifts(given: list[str]) -> dict[str, ConditionClass]:
    """``FEATURE_ID=CLASS`` pairs (:class:`UsageError` for one that is not)."""
    out: dict[str, ConditionClass] = {}
    for item in given:
        fid, sep, cls_text = item.partition("=")
        fid, cls_text = fid.strip(), cls_text.strip()
        if not sep or not fid:
            raise UsageError("'{lift}' is not FEATURE_ID=CLASS (e.g. 123456=II).", lift=item)
        cls = parse_condition(cls_text) if cls_text.upper() in _ROMAN else None
        if cls is None:
            raise UsageError("The condition class '{cls}' of feature {id} is not one of I, II, "
                             "III, IV, V.", cls=cls_text, id=fid)
        out[fid] = cls
    return out


def run(args: argparse.Namespace) -> int:
    """Store the lifts of candidate ``args.id``.

    Raises
    ------
    NaturplanError
        With one line for the user: an unknown candidate or feature id, a class outside I-V.
    """
    from naturplan.cli.options import data_for
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import open_dataset
    from naturplan.io.project.open import open_plan, require_project
    from naturplan.text.i18n import tr
    from naturplan.usecases.condition import p3_condition
    from naturplan.usecases.restoration import check_lifts, store_lifts

    if bool(args.lifts) == bool(args.clear):
        raise UsageError("Give --lift FEATURE_ID=CLASS (one or more) or --clear.")
    lifts = parse_lifts(args.lifts)
    require_project(args.project)
    request, _ = data_for(args)
    p3 = p3_condition(open_dataset(request, roles=(Role.NATURE_P3,))) if lifts else None
    check_lifts(p3, lifts)  # before the project is opened: a bad id writes nothing
    store, plan = open_plan(args.project, args.author, create=False)
    with store:
        candidate = plan.find(args.id)
        store_lifts(store, p3, candidate.id, lifts)
    lang = str(args.lang or "da")
    print(tr(lang, CONTEXT, "'{name}' lifts {n} §3 features.", n=len(lifts),
             name=candidate.name))
    return 0
