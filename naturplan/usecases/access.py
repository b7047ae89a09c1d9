"""Access to nature near home for every front end (issue 25 item 2): the JSON of
``stats --json`` (``"access"``) and ``candidates list --json`` (each row's ``"access"``), and the
flat numbers of the candidate table and the scenario comparison.

The numbers are :mod:`naturplan.core.analysis.access`'s. Without an addresses layer there is
no number: the block is ``null`` and ``"access_missing"`` says why (never 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from naturplan.core.analysis.access import (
    ACCESS_KEY,
    NETWORK,
    STRAIGHT,
    AccessGain,
    AccessIndex,
    AccessLedger,
    AccessSettings,
    AccessShares,
    dataset_access,
    scenario_access,
)
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate

#: Why there is no access number (said in the JSON in place of the numbers).
NO_ADDRESSES = "no addresses layer is loaded (role addresses): access is not measured"
#: ``stats --json`` without ``--access`` (it reads no addresses: stats reads only what it needs).
ACCESS_NOT_ASKED = {"access": None, "access_missing": "not measured by stats unless asked "
                    "(it reads the addresses): naturplan stats --json --access"}
#: Said next to shares of 0 % that come from no accessible layer at all.
NO_NATURE = ("no layer of the accessible roles is loaded: today no address has nature "
             "near home by this definition")
#: Why a candidate has no access number of its own.
CANDIDATES_NOT_ACCESSIBLE = "the access setting does not count the candidates as nature"
DEFINITION = ("share of addresses (residents where a count field is given) with a polygon of "
              "the accessible roles within each distance, straight line; not cut at the "
              "municipal border; a candidate's gain: the addresses it newly brings within "
              "reach of today's nature")
WALKING_DEFINITION = (
    "share of addresses (residents where a count field is given) with a polygon of the "
    "accessible roles within each distance, walking on the road network (role roads): from "
    "the address straight to its nearest road point, then along the roads to where they meet "
    "or pass within 15 m of the nature (straight where the nature is nearer than the road); "
    "not cut at the municipal border; a candidate's gain: the addresses it newly brings "
    "within reach of today's nature")
#: The distance method in the words of the JSON (``"distance"``).
METHOD_WORDS = {STRAIGHT: "straight line", NETWORK: "walking on the road network"}


def access_settings(stored: Mapping[str, Any] | None) -> AccessSettings:
    """The project's access setting (its stored ``access`` record; the defaults if there is
    none or it is of the wrong kind)."""
    try:
        return AccessSettings.from_mapping((stored or {}).get(ACCESS_KEY))
    except (TypeError, ValueError, AttributeError):
        return AccessSettings()


def access_roles(settings: AccessSettings) -> tuple[Role, ...]:
    """The roles to load for *settings*: the addresses and every accessible layer role."""
    known = {r.value for r in Role} - {Role.CANDIDATES.value}
    roads = (Role.ROADS,) if settings.distance == NETWORK else ()
    return (Role.ADDRESSES, *roads, *(Role(r) for r in settings.roles if r in known))


def read_access(request: Any, settings: AccessSettings) -> AccessIndex | None:
    """Today's access of the dataset *request* names (its addresses and accessible layers
    only); None without addresses.

    Raises
    ------
    NaturplanError
        As ``open_dataset`` would raise it for these layers.
    """
    from naturplan.io.datasets import open_dataset

    return dataset_access(open_dataset(request, roles=access_roles(settings)), settings)


def plan_access(index: AccessIndex | None, settings: AccessSettings,
                candidates: Iterable[Candidate]) -> AccessLedger | None:
    """The plan's access ledger over *candidates* (None without addresses)."""
    if index is None:
        return None
    ledger = AccessLedger(index)
    ledger.reset(candidates if settings.candidates_count else ())
    return ledger


def measurable(dataset: Dataset, settings: AccessSettings) -> AccessSettings:
    """*settings* as *dataset* can measure them: walking only where a roads layer is loaded
    (otherwise the straight line, and the outputs name it)."""
    if settings.distance == NETWORK and not dataset.vector(Role.ROADS):
        return with_distance(settings, STRAIGHT)
    return settings


def dataset_plan_access(dataset: Dataset, settings: AccessSettings,
                        candidates: Iterable[Candidate]) -> AccessLedger | None:
    """:func:`plan_access` of a loaded *dataset* (an export of a project whose setting walks
    measures the straight line where no roads are loaded, and says so)."""
    settings = measurable(dataset, settings)
    return plan_access(dataset_access(dataset, settings), settings, candidates)


def shares_json(shares: AccessShares) -> dict[str, Any]:
    return {f"within_{int(d)}_m": {"reached": r, "share": s}
            for d, r, s in zip(shares.distances_m, shares.reached, shares.shares, strict=True)}


def access_document(ledger: AccessLedger | None, settings: AccessSettings,
                    projected: bool = False) -> dict[str, Any]:
    """``{"access": …, "access_missing": reason}`` for a JSON document: today's shares (and
    with the plan when *projected*), what is counted, the roles and the distances."""
    if ledger is None:
        return {"access": None, "access_missing": NO_ADDRESSES}
    index = ledger.index
    now = index.now()
    block: dict[str, Any] = {
        "counted_in": "residents" if now.weighted else "addresses",
        "addresses": now.addresses,
        "total": now.total,
        "unknown_residents": index.unknown_weights if now.weighted else None,
        "roles": list(settings.roles),
        "distances_m": list(settings.distances_m),
        "now": shares_json(now),
        "nature_features": len(index.nature),
        "distance": index.method,
        "distance_words": METHOD_WORDS[index.method],
        "definition": WALKING_DEFINITION if index.method == NETWORK else DEFINITION,
    }
    if len(index.nature) == 0:  # "0 % because nothing was there", said
        block["warning"] = NO_NATURE
    if projected:
        block["projected"] = shares_json(ledger.result())
        block["candidates_count"] = settings.candidates_count
    return {"access": block}


def add_scenario_access(scenarios: list[dict[str, Any]], ledger: AccessLedger | None,
                        settings: AccessSettings, plan: Mapping[str, Candidate]) -> None:
    """Each scenario of a JSON document gets ``access`` (its shares with its candidates) or
    ``access_missing`` (in place)."""
    for entry in scenarios:
        if ledger is None:
            entry["access"], entry["access_missing"] = None, NO_ADDRESSES
            continue
        found = [plan[i] for i in entry.get("candidate_ids", ()) if i in plan]
        shares = scenario_access(ledger.index, found if settings.candidates_count else ())
        entry["access"] = shares_json(shares)


def gain_json(gain: AccessGain | None, reason: str | None = None) -> dict[str, Any] | None:
    """One candidate's gain: addresses (and residents or addresses again) per distance."""
    if gain is None:
        return {"missing": reason} if reason else None
    return {f"within_{int(d)}_m": {"addresses": a, "weighted": w}
            for d, a, w in zip(gain.distances_m, gain.addresses, gain.weighted, strict=True)}


def candidate_access(ledger: AccessLedger | None, settings: AccessSettings,
                     candidate: Candidate) -> dict[str, Any] | None:
    """The ``"access"`` of one row of ``candidates list --json`` (``{"missing": reason}``
    when it is not measured, ``null`` for a rejected candidate)."""
    if ledger is None:
        return gain_json(None, NO_ADDRESSES)
    if not settings.candidates_count:
        return gain_json(None, CANDIDATES_NOT_ACCESSIBLE)
    return gain_json(ledger.gain(candidate.id))


def access_measures(ledger: AccessLedger | None, settings: AccessSettings,
                    ids: Iterable[str]) -> dict[str, dict[str, int | None]]:
    """Candidate id → ``access_300_m`` / ``access_1000_m`` (addresses newly within reach;
    None when not measured) for the candidate table."""
    out: dict[str, dict[str, int | None]] = {}
    for cid in ids:
        gain = ledger.gain(cid) if ledger is not None and settings.candidates_count else None
        out[cid] = {f"access_{int(d)}_m": (gain.addresses[k] if gain is not None else None)
                    for k, d in enumerate(settings.distances_m)}
    return out


def with_distance(settings: AccessSettings, distance: str | None) -> AccessSettings:
    """*settings* with the distance method *distance* (None: as they are)."""
    from dataclasses import replace

    return settings if distance is None else replace(settings, distance=distance)


def store_access_settings(store: Any, settings: AccessSettings) -> bool:
    """Write *settings* as the project's ``access`` setting (one audited settings write,
    through the typed project settings); True if something changed.

    Raises
    ------
    StoreError
        If the store cannot be written.
    """
    from naturplan.io.project.settings_model import read_settings, write_settings

    extra = {**read_settings(store).extra, ACCESS_KEY: settings.as_dict()}
    return write_settings(store, extra=extra)


def stats_access(request: Any, project: Any = None, roles: str | None = None,
                 distance: str | None = None) -> dict[str, Any]:
    """The access block of ``stats --json`` (with *project*: the project's access setting and
    the access with its candidates; *roles*, comma-separated, overrides the setting's, and
    *distance*, ``straight`` or ``network``, its distance method).

    Raises
    ------
    NaturplanError
        If the layers or the project cannot be read.
    """
    stored: Mapping[str, Any] | None = None
    candidates: list[Candidate] = []
    if project is not None:
        from naturplan.io.project.open import open_store, require_project

        require_project(project)
        with open_store(project, create=False, readonly=True) as store:
            stored, candidates = store.settings(), store.candidates()
    settings = access_settings(stored)
    if roles is not None:
        from dataclasses import replace

        from naturplan.core.layers.roles import parse_role

        names = [r.strip() for r in roles.split(",") if r.strip()]
        chosen = tuple(n if n == Role.CANDIDATES.value else parse_role(n).value for n in names)
        settings = replace(settings, roles=chosen)
    settings = with_distance(settings, distance)
    ledger = plan_access(read_access(request, settings), settings, candidates)
    return access_document(ledger, settings, projected=project is not None)
