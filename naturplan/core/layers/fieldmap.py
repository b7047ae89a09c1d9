"""Field mappings: turn a source's own fields into a role's canonical fields.

Real Danish downloads name their fields differently (Matriklen calls the district code
``landsejerlavskode``, a qgis2web export of Kystdirektoratet's flood zones has only ``DN``).
A :class:`FieldMapping` names, for each canonical field of a role, the source field it comes
from and, optionally, a table that translates the source's values. The known schemas are
built in (:data:`BUILTIN_MAPPINGS`) and chosen by the fields a source has; for any other
schema the user states a mapping (``--field ROLE.CANONICAL=SOURCE`` on the command line, or a
dict from the GUI's mapping dialog).

The source's own columns are kept next to the canonical ones, so identify and the parcel
status card can show the original attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from naturplan.core.errors import FieldMappingError
from naturplan.core.layers.roles import ROLE_SPECS, Role

if TYPE_CHECKING:  # pandas is imported where a table is mapped, not to read a schema
    import pandas as pd

#: The values of one source column, read on demand (a schema check needs no table).
ColumnValues = Callable[[str], Sequence[Any]]


@dataclass(frozen=True)
class FieldMapping:
    """How one source schema maps onto a role.

    Attributes
    ----------
    name
        A short identifier shown to the user ("Matriklen jordstykke", "user").
    role
        The role this mapping serves.
    fields
        Canonical field → source field.
    values
        Canonical field → {source value (as text, case-folded) → canonical value}.
        Values not in the table are kept as they are.
    constants
        Canonical field → a constant value for every feature (e.g. ``kind = "bird"``).
    signature
        Source fields that must all be present for this mapping to be chosen automatically.
    optional
        Canonical fields whose source field may be missing (Matriklen's ``ejerlavsnavn`` and
        ``registreretAreal``: a municipality's own parcel file often has neither); a missing
        one is left empty, and the card says so.
    """

    name: str
    role: Role
    fields: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    constants: Mapping[str, object] = field(default_factory=dict)
    signature: tuple[str, ...] = ()
    signature_values: Mapping[str, str] = field(default_factory=dict)
    optional: tuple[str, ...] = ()

    def matches(self, columns: Iterable[str], values: ColumnValues | None = None) -> bool:
        """True if a source with these columns fits this mapping's signature.

        *values* reads one source column; without it the signature's values are not checked.
        """
        cols = set(columns)
        if not self.signature or not set(self.signature) <= cols:
            return False
        if values is None:
            return True
        for column, needle in self.signature_values.items():
            if column not in cols:
                return False
            wanted = needle.casefold()
            if not any(v is not None and wanted in str(v).casefold() for v in values(column)):
                return False
        return True

    def check(self, columns: Iterable[str], source: str = "") -> None:
        """Refuse a source that lacks a field this mapping reads.

        Raises
        ------
        FieldMappingError
            If a mapped source field is missing; the message lists the fields it has.
        """
        have = [str(c) for c in columns if c != "geometry"]
        missing = [src for canonical, src in self.fields.items()
                   if src not in have and canonical not in self.optional]
        if missing:
            raise FieldMappingError(
                "The field mapping for role {role} reads {missing}, but {layer} has no such "
                "field. Its fields: {fields}.",
                role=self.role.value, missing=", ".join(missing), layer=source or "the layer",
                fields=", ".join(have) or "-",
            )

    def source_field(self, canonical: str) -> str:
        """The source column a canonical field comes from (its own name if not mapped)."""
        return self.fields.get(canonical, canonical)

    def values_of(self, canonical: str, raw: Sequence[Any] | None, n: int) -> NDArray[np.object_]:
        """The canonical field's values from the source column's *raw* values (no pandas).

        A constant fills all *n* rows; without a source column (*raw* None) every value is
        None. Values are translated by the mapping's table and text is stripped, as
        :meth:`apply` does.
        """
        if canonical in self.constants:
            return np.full(n, self.constants[canonical], dtype=object)
        if raw is None:
            return np.full(n, None, dtype=object)
        table = self.values.get(canonical)
        out = [_translate(v, table) if table else v for v in raw]
        return np.array([v.strip() if isinstance(v, str) else v for v in out] + [None],
                        dtype=object)[:-1]

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Return a copy of *frame* with the canonical fields added.

        Raises
        ------
        FieldMappingError
            If a mapped source field is missing from *frame*; the message lists what it has.
        """
        self.check(frame.columns)
        out = frame.copy()
        for canonical, source in self.fields.items():
            if source not in frame.columns:  # an optional field the source lacks
                continue
            column = frame[source]
            table = self.values.get(canonical)
            if table:
                column = column.map(lambda v, t=table: _translate(v, t))
            out[canonical] = column
        for canonical, value in self.constants.items():
            out[canonical] = value
        for canonical in ROLE_SPECS[self.role].fields:
            if canonical not in out.columns:
                out[canonical] = None
        return normalise_fields(self.role, out)


def normalise_fields(role: Role, frame: pd.DataFrame) -> pd.DataFrame:
    """Coerce canonical fields to one type whatever the source format stored.

    GeoJSON exports carry numbers as text (``Natyp_kode: "3"``); codes become integers
    (``Int64``, missing allowed) and text fields strings, so lookups compare like with like.
    """
    import pandas as pd

    ints = {Role.NATURE_P3: ("Natyp_kode",), Role.PARCELS: ("ejerlavskode", "registreretAreal")}
    texts = {
        Role.PARCELS: ("matrikelnummer", "ejerlavsnavn"),
        Role.MUNICIPALITY: ("KOMKODE", "KOMNAVN"),
        Role.NATURE_P3: ("Natyp_navn", "Objekt_id"),
    }
    for name in ints.get(role, ()):
        if name in frame.columns:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").round().astype("Int64")
    for name in texts.get(role, ()):
        if name in frame.columns:
            frame[name] = frame[name].astype("string").str.strip()
    if role is Role.DESIGNATIONS and "temakode" in frame.columns:
        # A theme code as text ("1112", whether the source stored 1112, 1112.0 or "1112"):
        # the style's categories and the words compare it as text.
        codes = pd.to_numeric(frame["temakode"], errors="coerce").round().astype("Int64")
        frame["temakode"] = codes.astype("string")
    return frame


def _translate(value: object, table: Mapping[str, object]) -> object:
    if value is None or (isinstance(value, float) and value != value):  # None or NaN
        return value
    return table.get(str(value).strip().casefold(), value)


def identity_mapping(role: Role) -> FieldMapping:
    """A mapping for a source that already uses the canonical field names."""
    return FieldMapping(name="canonical", role=role)


def user_mapping(role: Role, fields: Mapping[str, str]) -> FieldMapping:
    """A mapping the user stated: canonical field → source field.

    Raises
    ------
    FieldMappingError
        If a key is not a canonical field of *role*.
    """
    allowed = ROLE_SPECS[role].fields
    unknown = [k for k in fields if k not in allowed]
    if unknown:
        raise FieldMappingError(
            "Role {role} has no field {unknown}; its fields are: {fields}.",
            role=role.value, unknown=", ".join(unknown), fields=", ".join(allowed),
        )
    return FieldMapping(name="user", role=role, fields=dict(fields))


_CARBON = {">12": ">12", "> 12": ">12", "6-12": "6-12", "6 - 12": "6-12", "<6": "<6", "< 6": "<6"}
_LAND_USE = {
    "omdrift": "rotation",
    "omd": "rotation",
    "rotation": "rotation",
    "permanent græs": "permanent_grass",
    "permanent graes": "permanent_grass",
    "pgr": "permanent_grass",
    "permanent_grass": "permanent_grass",
}
_FOREST = {
    "ønsket": "wanted",
    "skovrejsning ønsket": "wanted",
    "uønsket": "unwanted",
    "skovrejsning uønsket": "unwanted",
    "neutral": "neutral",
    "wanted": "wanted",
    "unwanted": "unwanted",
}

#: Plandata's status as a code or a word → its code (KF/F/KV/V/A, Planregler).
PLAN_STATUS_CODES = {"v": "V", "vedtaget": "V", "f": "F", "forslag": "F", "a": "A",
                "aflyst": "A", "kf": "KF", "k": "KF", "kladde": "KF", "kv": "KV"}

#: Parcel fields many parcel files lack (the card shows the code and the computed area).
_PARCEL_OPTIONAL = ("ejerlavsnavn", "registreretAreal")

#: Built-in mappings for the real Danish schemas, tried in order; the first whose signature
#: fits the source is used.
BUILTIN_MAPPINGS: tuple[FieldMapping, ...] = (
    FieldMapping(
        "DAGI kommuneinddeling",
        Role.MUNICIPALITY,
        {"KOMKODE": "KOMKODE", "KOMNAVN": "KOMNAVN"},
        signature=("KOMKODE", "KOMNAVN"),
    ),
    FieldMapping(
        "Matriklen jordstykke",
        Role.PARCELS,
        {
            "ejerlavskode": "landsejerlavskode",
            "ejerlavsnavn": "ejerlavsnavn",
            "matrikelnummer": "matrikelnummer",
            "registreretAreal": "registreretAreal",
        },
        signature=("landsejerlavskode", "matrikelnummer"),
        optional=_PARCEL_OPTIONAL,
    ),
    FieldMapping(
        "Matriklen (ejerlavskode)",
        Role.PARCELS,
        {
            "ejerlavskode": "ejerlavskode",
            "ejerlavsnavn": "ejerlavsnavn",
            "matrikelnummer": "matrikelnummer",
            "registreretAreal": "registreretAreal",
        },
        signature=("ejerlavskode", "matrikelnummer"),
        optional=_PARCEL_OPTIONAL,
    ),
    FieldMapping(
        "Miljøportal beskyttede naturtyper (§3)",
        Role.NATURE_P3,
        {
            "Objekt_id": "Objekt_id",
            "Natyp_kode": "Natyp_kode",
            "Natyp_navn": "Natyp_navn",
            "Besig_dato": "Besig_dato",
        },
        signature=("Objekt_id", "Natyp_kode", "Natyp_navn", "Besig_dato"),
    ),
    FieldMapping(
        "Miljøportal Natura 2000 fuglebeskyttelse",
        Role.NATURA2000,
        {"Site_ident": "Site_ident", "Objektnavn": "Objektnavn"},
        constants={"kind": "bird"},
        signature=("Site_ident", "Objektnavn", "Temanavn"),
        signature_values={"Temanavn": "fugle"},
    ),
    FieldMapping(
        "Miljøportal Natura 2000 habitat",
        Role.NATURA2000,
        {"Site_ident": "Site_ident", "Objektnavn": "Objektnavn"},
        constants={"kind": "habitat"},
        signature=("Site_ident", "Objektnavn", "Temanavn"),
        signature_values={"Temanavn": "habitat"},
    ),
    FieldMapping(
        "Natura 2000-områder (combined, no site codes)",
        Role.NATURA2000,
        {"Objektnavn": "temanavn"},
        constants={"kind": "combined"},
        signature=("temanavn",),
    ),
    FieldMapping(
        "Lavbund (kulstofklasse, arealanvendelse)",
        Role.LOWLAND,
        {"carbon_class": "kulstof_klasse", "land_use": "arealanvendelse"},
        values={"carbon_class": _CARBON, "land_use": _LAND_USE},
        signature=("kulstof_klasse", "arealanvendelse"),
    ),
    FieldMapping(
        "Markblokke (MB_TYPE)",
        Role.LOWLAND,
        {"land_use": "MB_TYPE"},
        values={"land_use": _LAND_USE},
        signature=("MB_TYPE",),
    ),
    FieldMapping(
        "Kystdirektoratet oversvømmelsesrisiko (DN)",
        Role.FLOOD,
        {"DN": "DN"},
        signature=("DN",),
    ),
    FieldMapping(
        "Kommuneplan skovrejsning",
        Role.FOREST_ZONES,
        {"zone": "skovrejsning"},
        values={"zone": _FOREST},
        signature=("skovrejsning",),
    ),
    # Plandata.dk's kommuneplan retningslinjer 1112-1115 as its WFS publishes them. ASSUMED
    # (not checked against the live service offline): the field names temakode, status,
    # plannavn, planid (those of the upload data model, resources/national/
    # plandata_retningslinjer_v1.toml) and the status spelled as a code or a word.
    FieldMapping(
        "Plandata kommuneplanretningslinje",
        Role.DESIGNATIONS,
        {"temakode": "temakode", "status": "status", "plannavn": "plannavn",
         "planid": "planid"},
        values={"status": PLAN_STATUS_CODES},
        signature=("temakode",),
        optional=("status", "plannavn", "planid"),
    ),
)


def choose_mapping(
    role: Role, columns: Iterable[str], values: ColumnValues | None = None
) -> FieldMapping | None:
    """The built-in mapping for *role* that fits a source with *columns*, the canonical one,
    or None.

    *values* reads one source column (for mappings told apart by a value, such as Natura 2000
    habitat and bird areas). A source that already has the role's required canonical fields
    needs no mapping.
    """
    names = [str(c) for c in columns]
    for mapping in BUILTIN_MAPPINGS:
        if mapping.role is role and mapping.matches(names, values):
            return mapping
    spec = ROLE_SPECS[role]
    if set(spec.required) <= set(names):
        return identity_mapping(role)
    return None
