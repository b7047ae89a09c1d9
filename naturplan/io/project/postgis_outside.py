"""Edits to a team project by other clients (QGIS, ogr2ogr, psql): seen, not reverted.

The PostGIS twin of :mod:`naturplan.io.project.gpkg_outside`, applied as migration 4 of
:mod:`naturplan.io.project.postgis_schema`. For every client that is not naturplan, an update of
a candidate's content bumps its ``version`` and stamps ``modified``/``modified_by``, and an
insert, update or delete writes an audit row, all by :data:`OUTSIDE_AUTHOR`; naturplan's next
write of that candidate meets the new version and raises a conflict that names the other
client, instead of putting its old values back.

naturplan marks its own sessions with the custom setting ``naturplan.client = 'naturplan'``
(:data:`MARK_SESSION`, run by ``postgis_schema.connect``); the trigger function reads it with
``current_setting('naturplan.client', true)``, which is NULL in every other session (no error
for a setting that was never made).
"""

from __future__ import annotations

OUTSIDE_AUTHOR = "anden klient"
#: The statement that marks a session as naturplan's.
MARK_SESSION = "SET naturplan.client = 'naturplan'"
#: Content columns: an update of any of these by another client is a change of the candidate
#: (the same list as the GeoPackage's triggers).
CONTENT_COLUMNS = ("geom", "id", "kind", "name", "status", "note", "counts_toward_target",
                   "created")
_NOW = """to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""


def migration_statements(schema: str) -> tuple[str, ...]:
    """The DDL of the migration that installs the outside-edit triggers in *schema*."""
    s = schema
    changed = " ".join(
        f"IF NEW.{col} IS DISTINCT FROM OLD.{col} THEN"
        f" changed := changed || '{name}'::text; END IF;"
        for col, name in (("counts_toward_target", "counts_toward_target"), ("kind", "kind"),
                          ("name", "name"), ("note", "note"), ("status", "status"))
    )
    function = (
        f"CREATE FUNCTION {s}.outside_edit() RETURNS trigger LANGUAGE plpgsql AS $$"
        " DECLARE"
        f" now_text text := {_NOW};"
        " changed text[] := '{}';"
        " BEGIN"
        " IF current_setting('naturplan.client', true) IS NOT DISTINCT FROM 'naturplan' THEN"
        " IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;"
        " END IF;"
        " IF TG_OP = 'DELETE' THEN"
        f" INSERT INTO {s}.audit (at, who, action, candidate_id, details) VALUES (now_text,"
        f" '{OUTSIDE_AUTHOR}', 'delete', OLD.id, json_build_object('op', 'delete',"
        " 'version', OLD.version, 'outside', true));"
        " RETURN OLD;"
        " END IF;"
        f" NEW.modified := now_text; NEW.modified_by := '{OUTSIDE_AUTHOR}';"
        " IF TG_OP = 'INSERT' THEN"
        f" INSERT INTO {s}.audit (at, who, action, candidate_id, details) VALUES (now_text,"
        f" '{OUTSIDE_AUTHOR}', 'insert', NEW.id, json_build_object('op', 'insert',"
        " 'version', NEW.version, 'outside', true));"
        " RETURN NEW;"
        " END IF;"
        " NEW.version := GREATEST(NEW.version, OLD.version) + 1;"
        f" {changed}"
        " IF ST_AsBinary(NEW.geom) IS DISTINCT FROM ST_AsBinary(OLD.geom) THEN"
        " changed := changed || 'geometry'::text; END IF;"
        " SELECT coalesce(array_agg(c ORDER BY c), '{}') INTO changed FROM unnest(changed) c;"
        f" INSERT INTO {s}.audit (at, who, action, candidate_id, details) VALUES (now_text,"
        f" '{OUTSIDE_AUTHOR}', 'update', NEW.id, json_build_object('op', 'update',"
        " 'version', NEW.version, 'changed', to_json(changed), 'outside', true));"
        " RETURN NEW;"
        " END $$"
    )
    return (
        function,
        f"CREATE TRIGGER candidates_outside_write BEFORE INSERT OR DELETE ON {s}.candidates"
        f" FOR EACH ROW EXECUTE FUNCTION {s}.outside_edit()",
        f"CREATE TRIGGER candidates_outside_update BEFORE UPDATE OF"
        f" {', '.join(CONTENT_COLUMNS)} ON {s}.candidates"
        f" FOR EACH ROW EXECUTE FUNCTION {s}.outside_edit()",
    )
