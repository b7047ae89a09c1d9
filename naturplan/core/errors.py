"""Every exception naturplan reports to a user, in one module (STYLE.md, shapely's errors.py).

Each error carries

- a ``code`` (a class attribute) that front ends use to pick hints and to tell kinds apart
  without parsing text: the CLI adds command-line hints by code ("--assume-crs"), the GUI
  never shows them;
- a ``template``: the English message with ``{name}`` placeholders, which is also the key of
  its translation (context ``errors`` in ``resources/translations/*.ts``);
- ``params``: the values for the placeholders (paths, counts, names), kept apart so a front
  end can format numbers for its language before filling them in.

``str(error)`` is the English message. To show it in the user's language, front ends call
``naturplan.text.i18n.error_text(error, lang)``. Raise with the template and the values::

    raise LayerLoadError("{path}: no polygons (found {found}).", path=p.name, found="Point")

A plain message with no placeholders works too (``NaturplanError("Nothing to do.")``).
"""

from __future__ import annotations

from typing import Any


class NaturplanError(Exception):
    """Base class for every error naturplan reports to a user."""

    code = "error"
    #: The English message used when the error is raised without one.
    template = "Something went wrong."

    def __init__(self, template: str | None = None, /, **params: Any) -> None:
        self.template = template if template is not None else type(self).template
        self.params = params
        super().__init__(self._english())

    def _english(self) -> str:
        if not self.params:
            return self.template
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.template


class LayerLoadError(NaturplanError):
    """A layer file could not be read, or did not fit its role."""

    code = "layer_load"


class MissingCRSError(LayerLoadError):
    """A layer has no coordinate reference system and the user stated none."""

    code = "missing_crs"


class SeveralLayersError(LayerLoadError):
    """A file has several layers and the user named none where one must be chosen (params:
    ``name``, ``layers``)."""

    code = "several_layers"


class UnknownRoleError(NaturplanError):
    """A role name that is not one of DESIGN.md's roles."""

    code = "unknown_role"


class UnknownMunicipalityError(NaturplanError):
    """A KOMKODE that is not in the national municipality file."""

    code = "unknown_municipality"


class FieldMappingError(NaturplanError):
    """A field mapping names a field the source does not have."""

    code = "field_mapping"


class UnknownSchemaError(FieldMappingError):
    """A layer's fields fit no built-in schema of its role; the user must map them.

    Params include ``role`` and ``field`` (a required field to map), for the front ends'
    hint.
    """

    code = "unknown_schema"


class SeveralMunicipalitiesError(LayerLoadError):
    """A municipality file holds several municipalities and none was chosen."""

    code = "several_municipalities"


class WrongGeometryError(LayerLoadError):
    """A layer for a polygon role holds no polygons (only points or lines)."""

    code = "wrong_geometry"


class CoordinatesError(LayerLoadError):
    """A layer's coordinates cannot be measured: none is finite and inside the area
    EPSG:25832 is made for (``core.geometry.WORKING_BOUNDS``)."""

    code = "bad_coordinates"


class UsageError(NaturplanError):
    """The command line asks for something that cannot be done as given (options that
    exclude each other, nothing to do); only the CLI raises it, so its texts may name
    options."""

    code = "usage"


class OperationCancelled(NaturplanError):
    """The user cancelled a long-running operation."""

    code = "cancelled"
    template = "Cancelled."


class BuildCancelled(OperationCancelled):
    """The user cancelled building the synthetic sample (nothing half-built is kept)."""

    code = "sample_cancelled"
    template = "Building the sample was cancelled."


class StyleError(NaturplanError):
    """A style file that cannot be read or does not follow the format."""

    code = "style"


# --- candidate areas and their edits --------------------------------------------------------


class CandidateError(NaturplanError):
    """A candidate edit that cannot be made."""

    code = "candidate"


class InvalidGeometryError(CandidateError):
    """A geometry that cannot be a candidate (empty, not a polygon, invalid)."""

    code = "invalid_geometry"


class GeometryEditError(CandidateError):
    """A geometry edit that would break the geometry (too few vertices, self-crossing, ...)."""

    code = "geometry_edit"


class ImportRefused(CandidateError):
    """A candidate import that writes nothing: broken features the user did not skip, or
    nothing usable in the file."""

    code = "import_refused"


class BrokenFeaturesError(ImportRefused):
    """A candidate file has broken features and the user did not ask to skip them: nothing
    is imported (params: ``n`` broken, ``total``, ``file``)."""

    code = "broken_features"


class CandidateNotFoundError(CandidateError):
    """No candidate area with that id (or id prefix) in the plan."""

    code = "candidate_not_found"


# --- the project store ----------------------------------------------------------------------


class StoreError(NaturplanError):
    """The project store cannot be opened, read or written.

    A write that fails (locked, read-only, disk full) raises this with nothing written: the
    store's transaction is rolled back.
    """

    code = "store"


class StoreBusyError(StoreError):
    """Another program holds the project file locked; nothing was written."""

    code = "store_busy"


class StoreReadOnlyError(StoreError):
    """The project file (or its folder) cannot be written; nothing was written."""

    code = "store_readonly"


class StoreFullError(StoreError):
    """The disk holding the project file is full; nothing was written."""

    code = "store_full"


class ProjectNotFoundError(StoreError):
    """The project named does not exist: no such file, or a database without a naturplan
    project (raised by ``naturplan.io.project.open.require_project``)."""

    code = "project_not_found"


class NotAProjectError(StoreError):
    """The file is not a naturplan project (not a GeoPackage, or another GeoPackage)."""

    code = "not_a_project"


class ProjectNotEmptyError(StoreError):
    """A copy's destination already holds a plan, and replacing it was not asked for."""

    code = "project_not_empty"


class ConflictError(StoreError):
    """Someone else changed or deleted the candidate since the user read it.

    Raised with the template and ``candidate_id``, ``name``, ``by`` and ``at`` among the
    params; they are also attributes.

    Attributes
    ----------
    candidate_id, name
        The candidate.
    by, at
        Who made the conflicting change and when (UTC ISO), "" if not known.
    wanted
        The candidate states the refused edit tried to write (set by the plan), so that the
        planner can keep them as a copy; empty when not known.
    """

    code = "conflict"
    wanted: tuple[Any, ...] = ()

    @property
    def candidate_id(self) -> str:
        return str(self.params.get("candidate_id", ""))

    @property
    def name(self) -> str:
        return str(self.params.get("name", ""))

    @property
    def by(self) -> str:
        return str(self.params.get("by", ""))

    @property
    def at(self) -> str:
        return str(self.params.get("at", ""))


class ExportError(NaturplanError):
    """A map or table could not be exported (unknown format, missing web assets, a file
    that cannot be written)."""

    code = "export"


class FileWriteError(ExportError):
    """A file could not be written completely: the disk is full, the folder is missing or
    read-only, or what was written did not check out as a complete file of its format
    (``naturplan.io.atomic``). Nothing is left behind: no half file, no ``.part``.

    Params: ``file`` (the target as the user named it) and, by template, ``folder``,
    ``kind`` (the format: PDF, PNG, …) or ``reason``.
    """

    code = "file_write"


# --- analysis of candidates (climate factors, scenarios) ------------------------------------


class FactorTableError(NaturplanError):
    """A climate factor table in ``resources/factors`` is missing or cannot be read."""

    code = "factor_table"


class NationalDataError(NaturplanError):
    """A data model or mapping of the national systems (``resources/national``: Plandata,
    MARS) is missing or cannot be read, or a value does not fit it."""

    code = "national_data"


class PlandataRefused(NaturplanError):
    """The Plandata export was refused: a feature broke a rule of the data model (the report
    per feature says which); nothing was written."""

    code = "plandata_refused"
class ConditionTargetError(NaturplanError):
    """A target file for the share of §3 nature in good condition is missing or broken."""

    code = "condition_targets"


class NoRoadsError(NaturplanError):
    """Walking distance to nature was asked for, but no layer of roads (role ``roads``) is
    loaded (issue 25)."""

    code = "no_roads"


class SettingsValueError(NaturplanError):
    """A stored project setting has a value of the wrong kind (read as its default, with a
    notice; never shown as an error of its own). ``params``: ``where`` (its path, e.g.
    ``analysis.connectivity.p_min``) and ``value``."""

    code = "settings_value"
    template = "The setting {where} has a value of the wrong kind."


class ScenarioError(NaturplanError):
    """A scenario that cannot be stored as asked (empty name, a name taken, unknown areas)."""

    code = "scenario"


class LegalTableError(NaturplanError):
    """The legal-bases table (resources/parcels/legal_bases.toml) cannot be read."""

    code = "legal_table"


class ServiceError(NaturplanError):
    """A web service (basemap tiles, WFS, OGC API – Features) failed or answered nonsense.

    Its message never contains a token: URLs in it are redacted first
    (``naturplan.io.services.http.redact_url``).
    """

    code = "service"


class ServiceLayerError(ServiceError):
    """Which layer of a web service to fetch is not clear (none named, or several fit)."""

    code = "service_layer"


class OptimiseError(NaturplanError):
    """A suggested plan that cannot be found as asked (a target out of reach, a budget
    below it, a cost field that is not a number)."""

    code = "optimise"


class KindsOutOfReachError(OptimiseError):
    """Targets by kind that their units cannot hold. ``short`` holds ``(kind, needed ha,
    reachable ha)`` for each kind out of reach (the kind's code, ``lowland``); the English
    message names the codes, the use case names each kind by its label in the user's
    language (``naturplan.usecases.suggest.kinds_in_words``)."""

    code = "optimise_kinds"
    template = "The targets by kind cannot be reached (needed ha > reachable ha): {kinds}."

    def __init__(self, short: tuple[tuple[str, int, int], ...]) -> None:
        self.short = tuple(short)
        super().__init__(None, kinds="; ".join(f"{kind}: {need} > {reachable}"
                                               for kind, need, reachable in self.short))
