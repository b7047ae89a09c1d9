"""Reading the climate factor tables in ``resources/factors/*.toml``.

Every file there is a table (:class:`~naturplan.core.analysis.factors.FactorTable`); its name
is the file's stem (``co2e_v1``). Adding a file adds a table: nothing in the code lists them.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from naturplan.core.analysis.factors import FactorTable, parse_factor_table
from naturplan.core.errors import FactorTableError
from naturplan.io.paths import resource

#: The table a project uses until it chooses another one.
DEFAULT_FACTOR_TABLE = "co2e_v1"


def factors_dir() -> Path:
    """``resources/factors``."""
    return resource("factors")


def factor_table_names() -> list[str]:
    """The names of the tables in :func:`factors_dir`, sorted."""
    return sorted(p.stem for p in factors_dir().glob("*.toml"))


def load_factor_table(name: str | None = None) -> FactorTable:
    """The table *name* (default :data:`DEFAULT_FACTOR_TABLE`), with its SHA-256.

    Raises
    ------
    FactorTableError
        If there is no such file or it cannot be parsed; the message says which.
    """
    name = name or DEFAULT_FACTOR_TABLE
    path = factors_dir() / f"{name}.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        known = ", ".join(factor_table_names()) or "none"
        raise FactorTableError("No factor table named {name} (there are: {known}).",
                               name=name, known=known) from None
    except OSError as exc:
        raise FactorTableError("Factor table {name} cannot be read ({reason}).",
                               name=name, reason=exc.strerror or str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FactorTableError("Factor table {name} cannot be read ({reason}).",
                               name=name, reason=str(exc)) from None
    return parse_factor_table(data, name, hashlib.sha256(raw).hexdigest())
