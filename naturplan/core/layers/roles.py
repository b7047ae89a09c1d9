"""Layer roles (DESIGN.md, "Layers (roles)").

Every loaded layer plays exactly one role. The role decides the geometry kind it must have,
the canonical fields its field mapping produces, and how it is drawn and counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from naturplan.core.errors import UnknownRoleError

#: Every layer is held and measured in this CRS (ETRS89 / UTM zone 32N), metres.
WORKING_EPSG = 25832


class Role(StrEnum):
    """The part a layer plays in the plan."""

    MUNICIPALITY = "municipality"
    PARCELS = "parcels"
    NATURE_P3 = "nature_p3"
    NATURA2000 = "natura2000"
    LOWLAND = "lowland"
    FLOOD = "flood"
    FOREST_ZONES = "forest_zones"
    CANDIDATES = "candidates"
    ADDRESSES = "addresses"
    N_RETENTION = "n_retention"
    DESIGNATIONS = "designations"
    MARS_PROJECTS = "mars_projects"
    FOREST = "forest"
    ROADS = "roads"


class GeometryKind(StrEnum):
    """What a role's data is made of."""

    POLYGON = "polygon"
    POINT = "point"
    LINE = "line"
    RASTER = "raster"
    POLYGON_OR_RASTER = "polygon_or_raster"


@dataclass(frozen=True)
class RoleSpec:
    """What a role requires of its data.

    Attributes
    ----------
    role
        The role.
    geometry
        Polygon data, raster data, or either.
    fields
        Canonical field names that a field mapping produces for this role.
    required
        The subset of *fields* a layer must provide to be useful in this role.
    """

    role: Role
    geometry: GeometryKind
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()


ROLE_SPECS: dict[Role, RoleSpec] = {
    Role.MUNICIPALITY: RoleSpec(
        Role.MUNICIPALITY, GeometryKind.POLYGON, ("KOMKODE", "KOMNAVN"), ("KOMKODE",)
    ),
    Role.PARCELS: RoleSpec(
        Role.PARCELS,
        GeometryKind.POLYGON,
        ("ejerlavskode", "ejerlavsnavn", "matrikelnummer", "registreretAreal"),
        ("ejerlavskode", "matrikelnummer"),
    ),
    Role.NATURE_P3: RoleSpec(
        Role.NATURE_P3,
        GeometryKind.POLYGON,
        # Naturtilstand: the survey's condition class I-V (issue 25), optional.
        ("Objekt_id", "Natyp_kode", "Natyp_navn", "Besig_dato", "Naturtilstand"),
        ("Natyp_navn",),
    ),
    Role.NATURA2000: RoleSpec(
        Role.NATURA2000, GeometryKind.POLYGON, ("Site_ident", "Objektnavn", "kind")
    ),
    Role.LOWLAND: RoleSpec(
        Role.LOWLAND, GeometryKind.POLYGON_OR_RASTER, ("carbon_class", "land_use")
    ),
    Role.FLOOD: RoleSpec(Role.FLOOD, GeometryKind.POLYGON_OR_RASTER, ("depth_m", "DN")),
    Role.FOREST_ZONES: RoleSpec(Role.FOREST_ZONES, GeometryKind.POLYGON, ("zone",), ("zone",)),
    Role.CANDIDATES: RoleSpec(
        Role.CANDIDATES,
        GeometryKind.POLYGON,
        ("id", "kind", "name", "status", "note", "counts_toward_target"),
    ),
    # DAR/DAWA adgangsadresser: the access points a parcel search by address starts from.
    Role.ADDRESSES: RoleSpec(
        Role.ADDRESSES,
        GeometryKind.POINT,
        # beboere: residents per address where the source has a count (issue 25: access is
        # then counted in residents), optional.
        ("vejnavn", "husnr", "postnr", "postnrnavn", "beboere"),
        ("vejnavn", "husnr"),
    ),
    # The reduction in kg N per hectare and year that taking land out of rotation gives, per
    # ID15 catchment in the national N-retention maps (Miljøstyrelsen / SGAV); optional.
    Role.N_RETENTION: RoleSpec(
        Role.N_RETENTION, GeometryKind.POLYGON, ("rate_kg_n_ha",), ("rate_kg_n_ha",)
    ),
    # Today's designations (issue 22 item 2): Plandata's published kommuneplan retningslinjer
    # of themes 1112 Skovrejsningsområder, 1113 Lavbundsarealer, 1114 Naturbeskyttelses-
    # områder and 1115 Økologiske forbindelser, all four in one role with the theme per
    # feature (temakode) and its status (V vedtaget, F forslag); optional.
    Role.DESIGNATIONS: RoleSpec(
        Role.DESIGNATIONS, GeometryKind.POLYGON, ("temakode", "status", "plannavn", "planid"),
        ("temakode",),
    ),
    # MARS' project areas (the local tripartites' conversion plans): project id, name, type
    # (kvælstofvådområde, lavbund, klima-lavbund, skovrejsning, natur) and phase; optional.
    Role.MARS_PROJECTS: RoleSpec(
        Role.MARS_PROJECTS, GeometryKind.POLYGON, ("projekt_id", "navn", "type", "fase"),
    ),
    # Skov (GeoDanmark/FOT skov polygons): accessible nature near home by default (issue 25).
    Role.FOREST: RoleSpec(Role.FOREST, GeometryKind.POLYGON, ("skovtype",)),
    # Vejmidter (GeoDanmark road centre lines) or any line layer of roads and paths: walking
    # distance to nature (issue 25, ``--access-distance network``); optional.
    Role.ROADS: RoleSpec(Role.ROADS, GeometryKind.LINE, ("vejnavn",)),
}

#: The canonical field of the ``n_retention`` role: kg N per hectare and year.
RATE_FIELD = "rate_kg_n_ha"

#: Drawing order on every map (screen, print, web), bottom first: the land, rasters and soils,
#: zones, nature, legal designations, then the cadastre's lines and the planner's candidates.
DRAW_ORDER: tuple[Role, ...] = (
    Role.MUNICIPALITY,
    Role.N_RETENTION,
    Role.LOWLAND,
    Role.FOREST_ZONES,
    Role.DESIGNATIONS,
    Role.MARS_PROJECTS,
    Role.FLOOD,
    Role.FOREST,
    Role.NATURE_P3,
    Role.NATURA2000,
    Role.PARCELS,
    Role.ROADS,
    Role.ADDRESSES,
    Role.CANDIDATES,
)

#: Roles a user may load from a file (candidates live in the project, not in a layer file).
LOADABLE_ROLES: tuple[Role, ...] = tuple(r for r in Role if r is not Role.CANDIDATES)


def parse_role(name: str) -> Role:
    """Return the role called *name*.

    Raises
    ------
    UnknownRoleError
        If *name* is not a role; the message lists the valid names.
    """
    try:
        return Role(name.strip().lower())
    except ValueError:
        valid = ", ".join(r.value for r in LOADABLE_ROLES)
        raise UnknownRoleError(
            "Unknown role '{role}'. Valid roles: {roles}.", role=name, roles=valid
        ) from None


#: §3 nature types (Miljøportal ``Natyp_kode`` → ``Natyp_navn``), areal types only.
P3_TYPES: dict[int, str] = {
    1: "Eng",
    2: "Hede",
    3: "Mose",
    4: "Overdrev",
    5: "Strandeng",
    6: "Sø",
}
