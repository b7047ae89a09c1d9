"""The next writer cannot forget (issue 18): every file the program writes for the user goes
through ``naturplan.io.atomic.write_file``, which hands the writer a ``part`` path.

The check reads the source: a call that writes a file (``to_file``, ``write_bytes``,
``write_text``, ``copyfile``, ``open(…, "w")``, a workbook's or an image's ``save``, a
``QPdfWriter``) must write to the ``.part`` it was given (an argument named ``part``), or
stand in a module that writes the program's own files (caches, the sample, a new project's
schema) and is listed here with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import naturplan

PACKAGE = Path(naturplan.__file__).parent
WRITES = {"to_file", "write_bytes", "write_text", "copyfile", "copy2", "copytree",
          "QPdfWriter", "write_dataframe", "to_excel"}
#: Modules that write files which are not the user's output, and why.
OWN_FILES = {
    "io/atomic.py": "the one writer itself",
    "render/output.py": "draws in memory and writes the part it is given",
    "io/sample/build.py": "the synthetic sample in the user's data folder (its own .part)",
    "io/sample/raster.py": "the synthetic sample's flood raster",
    "io/tile_chunks.py": "a tiled batch's temporary chunks, in the run's temporary folder "
                         "(the user's file is merged from them through io.atomic)",
    "io/services/provenance.py": "fetched service layers (their own .part; issue 18's "
                                 "geometry half)",
    "io/services/cache.py": "the tile cache",
    "export/webmap/features.py": "a raster overlay encoded in memory (rasterio MemoryFile)",
    "io/project/gpkg_format.py": "a new project's schema (its own temporary name, fsync)",
    "io/project/unsaved.py": "the lock file of an unsaved project",
    "io/gpkg_writer.py": "write_gpkg writes the path its caller gives: a table writer gives "
                         "the .part of io.atomic, the sample and fetched layers their own",
}
#: Names of in-memory targets (a ``BytesIO``) a writer may save to.
MEMORY = {"part", "buffer"}


def _writes_a_part(call: ast.Call) -> bool:
    names = [a for a in [*call.args, *(k.value for k in call.keywords)]
             if isinstance(a, ast.Name)]
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    return any(a.id in MEMORY for a in names) or (
        isinstance(receiver, ast.Name) and receiver.id in MEMORY)


def _name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


def _opens_for_writing(call: ast.Call) -> bool:
    if _name(call) != "open":
        return False
    modes = [a for a in call.args[1:2]] + [k.value for k in call.keywords if k.arg == "mode"]
    return any(isinstance(m, ast.Constant) and isinstance(m.value, str)
               and set(m.value) & set("wax+") for m in modes)


def test_every_file_for_the_user_is_written_through_the_atomic_writer() -> None:
    stray = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module in OWN_FILES or module.startswith("shipped/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            writes = _name(node) in WRITES or _opens_for_writing(node) or (
                _name(node) in ("save", "to_csv") and bool(node.args)
                and not isinstance(node.args[0], ast.Constant))
            if writes and not _writes_a_part(node):
                stray.append(f"{module}:{node.lineno} {_name(node)}")
    assert stray == []
