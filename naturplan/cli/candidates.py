"""``naturplan candidates import|list``: candidate areas from consultants' files, headless.

Import policy (issue 4: "reports each one and imports nothing broken"):

- Every feature is checked on its own, as read (not through the cleaning reader, which would
  drop or repair features silently). Each empty, missing or non-polygon geometry, and each
  invalid one, is reported on stderr with its feature id (FID) and name.
- By default a file with any broken feature is refused as a whole: nothing is imported and the
  project is not created. ``--skip-broken`` imports the good features and reports the skipped
  ones; ``--repair`` accepts invalid polygons whose ``make_valid`` repair is still a polygon,
  and reports each as repaired. Nothing is repaired unless asked.
- The good features go into the project in one transaction: all or nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from naturplan.cli import candidates_export
from naturplan.core.errors import NaturplanError
from naturplan.core.plan.candidates import (
    Candidate,
    CandidateKind,
    CandidateStatus,
)
from naturplan.export.numbers import format_ha, format_number
from naturplan.io.project.candidate_file import NAME_FIELDS, read_candidate_file
from naturplan.io.project.open import open_store, project_arg, project_label

if TYPE_CHECKING:
    pass

_KIND_DA = {"lowland": "lavbund", "afforestation": "skovrejsning", "connectivity": "forbindelse"}
_STATUS_DA = {"idea": "idé", "proposed": "forslag", "adopted": "vedtaget", "rejected": "afvist"}


class ImportRefused(NaturplanError):
    """A candidate file has broken features and the user did not ask to skip them."""

    code = "import_refused"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``candidates import`` and ``candidates list`` to the ``naturplan`` parser.

    Like every command they take the data options of *data_parent* (``--layer ROLE=PATH``,
    ``--kommune``, ``--assume-crs``, ``--lang`` …); ``--assume-crs`` also applies to the file
    imported. A layer inside a multi-layer file is named as ``--from PATH:LAYER``.
    """
    parser = subparsers.add_parser("candidates", help="import and list candidate areas")
    sub = parser.add_subparsers(dest="candidates_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import", parents=[data_parent], help="import candidate areas from a vector file"
    )
    imp.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                     help="the project file, or a PostGIS connection string (created if it "
                     "does not exist)")
    imp.add_argument("--from", dest="source", required=True, metavar="FILE[:LAYER]",
                     help="vector file with the candidate polygons (any format GDAL reads)")
    imp.add_argument("--kind", required=True, choices=[k.value for k in CandidateKind])
    imp.add_argument("--name-field", metavar="F", help=f"field with the names "
                     f"(default: the first of {', '.join(NAME_FIELDS[:4])}, …)")
    imp.add_argument("--status", default="idea", choices=[s.value for s in CandidateStatus])
    imp.add_argument("--skip-broken", action="store_true",
                     help="import the good features when some are broken (default: refuse)")
    imp.add_argument("--repair", action="store_true",
                     help="import invalid polygons repaired with make_valid (reported)")
    imp.add_argument("--author", help="name for the audit trail (default: login name)")
    lst = sub.add_parser(
        "list", parents=[data_parent], help="list the candidate areas of a project"
    )
    lst.add_argument("--project", type=project_arg, required=True, metavar="PROJECT")
    lst.add_argument("--json", action="store_true", help="print JSON")
    candidates_export.add_parser(sub, data_parent)


def run(args: argparse.Namespace) -> int:
    """Run ``naturplan candidates …``; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message for the user (the CLI prints it and exits 1).
    """
    if args.candidates_command == "import":
        return _run_import(args)
    if args.candidates_command == "export":
        return candidates_export.run(args)
    return _run_list(args)


# --- import ---------------------------------------------------------------------------------


def _run_import(args: argparse.Namespace) -> int:
    from naturplan.io.loading import split_path_layer

    lang = args.lang or "da"
    args.source, layer = split_path_layer(str(args.source))
    check = read_candidate_file(
        args.source, layer, args.assume_crs, args.name_field, args.repair
    )
    for fid, name, why in check.broken:
        print(f"{args.source.name}: feature {fid} '{name}': {why}", file=sys.stderr)
    for fid, name, reason in check.repaired:
        print(f"{args.source.name}: feature {fid} '{name}': invalid ({reason}), imported "
              "repaired", file=sys.stderr)
    if check.broken and not args.skip_broken:
        raise ImportRefused(
            f"{len(check.broken)} of {check.total} features in {args.source.name} are broken; "
            "nothing was imported (--skip-broken imports the others"
            + ("" if args.repair else ", --repair repairs invalid polygons") + ")."
        )
    if not check.good:
        raise ImportRefused(f"{args.source.name} has no usable polygons; nothing was imported.")
    candidates = [
        Candidate.new(args.kind, geom, name, status=args.status,
                      note=f"import: {args.source.name} FID {fid}")
        for fid, name, geom in check.good
    ]
    with open_store(args.project, author=args.author) as store:
        with store.transaction():
            for c, (fid, _, _) in zip(candidates, check.good, strict=True):
                store.insert(c, action="import",
                             details={"source": args.source.name, "fid": _plain(fid)})
            _record_data_options(store, args)  # same transaction: all or nothing
    _warn_outside(args, candidates, lang)
    area = sum(c.area_m2 for c in candidates)
    n, skipped = format_number(len(candidates), 0, lang), len(check.broken)
    where = project_label(args.project)
    if lang == "da":
        text = f"Importerede {n} kandidatområder ({format_ha(area, 2, lang)}) til {where}"
        text += f"; sprang {skipped} defekte over." if skipped else "."
    else:
        text = f"Imported {n} candidate areas ({format_ha(area, 2, lang)}) into {where}"
        text += f"; skipped {skipped} broken." if skipped else "."
    print(text)
    return 0


def _record_data_options(store: Any, args: argparse.Namespace) -> None:
    """A project without a record of its layers gets this command's data options (so that
    ``stats --project`` measures it in the municipality it was imported for)."""
    from naturplan.cli.options import dataset_request, protected_roles
    from naturplan.io.project.settings import PLAN_KEY, record

    if store.settings().get(PLAN_KEY) is None:
        record(store, dataset_request(args), protected_roles(args))


def _warn_outside(args: argparse.Namespace, candidates: list[Candidate], lang: str) -> None:
    """Say which imported areas lie (partly) outside the municipality: only the part inside
    counts toward its protected share, so an area outside is usually the wrong file or CRS."""
    import numpy as np
    import shapely

    from naturplan.io.loading import load_municipality

    municipality = load_municipality(args.kommune)
    geoms = np.array([c.geometry for c in candidates], dtype=object)
    inside = shapely.area(shapely.intersection(geoms, municipality.geometry))
    total = shapely.area(geoms)
    for c, a_in, a_all in zip(candidates, inside, total, strict=True):
        share = a_in / a_all if a_all > 0 else 0.0
        if share >= 0.999:
            continue
        outside = format_ha(a_all - a_in, 2, lang)
        if lang == "da":
            where = f"uden for {municipality.name} Kommune"
            print(f"{args.source.name}: '{c.name}': {outside} ligger {where} og tæller ikke "
                  "med i andelen", file=sys.stderr)
        else:
            where = f"outside {municipality.name} Municipality"
            print(f"{args.source.name}: '{c.name}': {outside} lies {where} and does not "
                  "count toward the share", file=sys.stderr)


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


# --- list -----------------------------------------------------------------------------------


def candidate_rows(project: str | Path) -> list[dict[str, Any]]:
    """The candidates of *project* as JSON-ready dicts (areas in m²), oldest first.

    Raises
    ------
    StoreError
        Missing file or not a naturplan project.
    """
    with open_store(project, readonly=True) as store:
        return [
            {
                "id": c.id, "name": c.name, "kind": c.kind.value, "status": c.status.value,
                "area_m2": c.area_m2, "counts_toward_target": c.counts_toward_target,
                "note": c.note, "version": c.version, "created": c.created,
                "modified": c.modified, "author": c.author, "modified_by": c.modified_by,
            }
            for c in store.candidates()
        ]


def _run_list(args: argparse.Namespace) -> int:
    rows = candidate_rows(args.project)
    if args.json:
        doc = {"project": project_label(args.project), "candidates": rows}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang or "da"
    da = lang == "da"
    head = ("Navn", "Type", "Status", "Areal", "Tæller", "Version") if da else (
        "Name", "Kind", "Status", "Area", "Counts", "Version")
    print(f"{head[0]:<32} {head[1]:<14} {head[2]:<9} {head[3]:>12} {head[4]:<6} {head[5]:>7}")
    for r in rows:
        kind = _KIND_DA[r["kind"]] if da else r["kind"]
        status = _STATUS_DA[r["status"]] if da else r["status"]
        yes = ("ja" if da else "yes") if r["counts_toward_target"] else ("nej" if da else "no")
        print(f"{r['name'][:32]:<32} {kind:<14} {status:<9} "
              f"{format_ha(r['area_m2'], 2, lang):>12} {yes:<6} {r['version']:>7}")
    total = format_ha(sum(r["area_m2"] for r in rows), 2, lang)
    count = format_number(len(rows), 0, lang)
    print(f"{count} kandidatområder, i alt {total}" if da else f"{count} candidate areas, {total}")
    return 0
