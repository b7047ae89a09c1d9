"""Exceptions raised by the core and io layers.

Each carries a message meant for the user: the CLI prints it as one line and the GUI shows it
in a dialog. The *code* lets callers (and translations) tell the kinds apart without parsing
the text.
"""

from __future__ import annotations


class NaturplanError(Exception):
    """Base class for every error naturplan reports to a user."""

    code = "error"


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
