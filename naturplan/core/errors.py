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
``naturplan.export.i18n.error_text(error, lang)``. Raise with the template and the values::

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


class UnknownRoleError(NaturplanError):
    """A role name that is not one of DESIGN.md's roles."""

    code = "unknown_role"


class UnknownMunicipalityError(NaturplanError):
    """A KOMKODE that is not in the national municipality file."""

    code = "unknown_municipality"


class FieldMappingError(NaturplanError):
    """A field mapping names a field the source does not have."""

    code = "field_mapping"


class OperationCancelled(NaturplanError):
    """The user cancelled a long-running operation."""

    code = "cancelled"
    template = "Cancelled."
