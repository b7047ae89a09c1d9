"""Every writer on a full disk, a read-only folder and a missing folder (issue 18, serious #1).

The disk is a real 512 KB tmpfs filled to the brim (mounted when the tests run as root, as in
the project's CI container); elsewhere the same commands run with a file size limit
(``RLIMIT_FSIZE``), which makes every write past it fail in the kernel, as a full disk does.
Each command must end with one Danish line on stderr and exit code 1, leave no file and no
``.part`` behind, and print none of what the tester saw: Qt's painter warnings, Python's
``Exception ignored in ZipFile.__del__``, a kilobytes-long GDAL message.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

from naturplan.io import paths

#: What the tester saw and nobody may see again.
NOISE = ("QPainter", "Exception ignored", "Traceback", "DataSourceError", "libpng",
         "unexpected error")


@dataclass
class Disk:
    """A folder whose disk is full (:meth:`fill`), and how to run the CLI against it."""

    folder: Path
    mounted: bool
    limit: int | None = None

    def fill(self, free: int = 0) -> None:
        """Leave about *free* bytes: a filler file on the tmpfs, or a file size limit."""
        if not self.mounted:
            self.limit = max(free, 1)
            return
        filler = self.folder / "filler"
        filler.unlink(missing_ok=True)
        stat = os.statvfs(self.folder)
        size = stat.f_bavail * stat.f_frsize - free
        with open(filler, "wb") as handle:
            try:
                handle.write(b"\0" * max(size, 0))
            except OSError:
                pass

    def entries(self) -> list[str]:
        """What is in the folder besides the filler."""
        return sorted(p.name for p in self.folder.iterdir() if p.name != "filler")

    def run(self, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        limit = self.limit

        def limited() -> None:  # pragma: no cover - runs in the child
            if limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails with EFBIG
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        return subprocess.run([sys.executable, "-m", "naturplan", *args], capture_output=True,
                              text=True, timeout=600, env=env, preexec_fn=limited)


@pytest.fixture()
def disk(tmp_path: Path) -> Iterator[Disk]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
        capture_output=True).returncode == 0
    try:
        yield Disk(folder, mounted)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)  # lazy: also when busy


@pytest.fixture(scope="module")
def project(sample_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with 300 candidates inside Aalborg (names of 191 characters: a name may
    have at most 200)."""
    folder = tmp_path_factory.mktemp("full_disk")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    frame = gpd.GeoDataFrame(
        {"navn": [f"Område {i} " + "æ" * 180 for i in range(300)]},
        geometry=[box(p.x + (i % 20) * 300, p.y + (i // 20) * 300,
                      p.x + (i % 20) * 300 + 200, p.y + (i // 20) * 300 + 200)
                  for i in range(300)], crs=25832)
    source = folder / "forslag.gpkg"
    frame.to_file(source, driver="GPKG")
    path = folder / "plan.gpkg"
    done = subprocess.run([sys.executable, "-m", "naturplan", "candidates", "import",
                           "--project", str(path), "--from", str(source), "--kind", "lowland",
                           "--name-field", "navn"], capture_output=True, text=True,
                          env=sample_env, timeout=600)
    assert done.returncode == 0, done.stderr
    return path


def _one_danish_line(result: subprocess.CompletedProcess[str], target: str) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines()
             if line.strip() and "propagateSizeHints" not in line]  # Qt's offscreen plugin
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("naturplan: fejl: Kan ikke skrive ") or \
        line.startswith("naturplan: error: Kan ikke skrive "), line
    assert target in line and "intet blev" in line
    assert len(line) < 400
    assert not any(word in result.stderr for word in NOISE), result.stderr
    assert "Skrev" not in result.stdout
    return line


WRITERS = {
    "print-pdf": ["export", "--out", "{out}/kort.pdf", "--project", "{project}"],
    "print-png": ["export", "--out", "{out}/kort.png", "--project", "{project}"],
    "webmap-html": ["export", "--out", "{out}/kort.html", "--project", "{project}",
                    "--no-analysis"],
    "table-xlsx": ["candidates", "export", "--project", "{project}", "--out", "{out}/k.xlsx",
                   "--no-analysis"],
    "table-csv": ["candidates", "export", "--project", "{project}", "--out", "{out}/k.csv",
                  "--no-analysis"],
    "table-gpkg": ["candidates", "export", "--project", "{project}", "--out", "{out}/k.gpkg",
                   "--no-analysis"],
    "table-shp": ["candidates", "export", "--project", "{project}", "--out", "{out}/k.shp",
                  "--no-analysis"],
    "table-geojson": ["candidates", "export", "--project", "{project}", "--out",
                      "{out}/k.geojson", "--no-analysis"],
    "parcel-pdf": ["parcel", "--ejerlav", "{ejerlav}", "--matrikel", "{matrikel}", "--pdf",
                   "{out}/jordstykke.pdf"],
    "parcels-csv": ["parcels", "--out", "{out}/jordstykker.csv"],
    "parcels-gpkg": ["parcels", "--out", "{out}/jordstykker.gpkg"],
    "project-copy": ["project", "copy", "{project}", "{out}/kopi.gpkg"],
}


@pytest.fixture(scope="module")
def parcel_key(sample_env: dict[str, str]) -> tuple[str, str]:
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest, open_dataset

    dataset = open_dataset(DatasetRequest(sample_scale=0.01))
    row = dataset.vector(Role.PARCELS)[0].frame.iloc[0]
    return str(row["ejerlavskode"]), str(row["matrikelnummer"])


def _args(name: str, out: Path, project: Path, parcel_key: tuple[str, str]) -> list[str]:
    values = {"out": str(out), "project": str(project), "ejerlav": parcel_key[0],
              "matrikel": parcel_key[1]}
    return [a.format(**values) for a in WRITERS[name]]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_full_disk_is_one_danish_line_and_leaves_nothing(
        name: str, disk: Disk, project: Path, parcel_key: tuple[str, str],
        sample_env: dict[str, str]) -> None:
    disk.fill(0)
    result = disk.run(_args(name, disk.folder, project, parcel_key), sample_env)
    line = _one_danish_line(result, str(disk.folder))
    assert "disken er fuld" in line
    assert disk.entries() == []  # no 0-byte file, no .part, no journal


@pytest.mark.parametrize("name", ["print-pdf", "table-xlsx", "table-gpkg", "parcel-pdf",
                                  "webmap-html", "project-copy"])
def test_a_missing_folder_is_one_danish_line(name: str, tmp_path: Path, project: Path,
                                             parcel_key: tuple[str, str],
                                             sample_env: dict[str, str]) -> None:
    out = tmp_path / "findes ikke"
    result = subprocess.run([sys.executable, "-m", "naturplan",
                             *_args(name, out, project, parcel_key)], capture_output=True,
                            text=True, env=sample_env, timeout=600)
    line = _one_danish_line(result, str(out))
    assert "findes ikke; intet blev skrevet" in line
    assert not out.exists()


@pytest.fixture()
def read_only(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "skrivebeskyttet"
    folder.mkdir()
    if os.geteuid() == 0:  # root writes through file modes: a read-only mount it is
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(folder)],
                          capture_output=True).returncode != 0:
            pytest.skip("root without mount: no read-only folder to be had")
        try:
            yield folder
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)  # lazy: also when busy
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


@pytest.mark.parametrize("name", ["print-pdf", "print-png", "table-xlsx", "table-shp",
                                  "parcel-pdf", "parcels-gpkg"])
def test_a_read_only_folder_is_one_danish_line_without_painter_warnings(
        name: str, read_only: Path, project: Path, parcel_key: tuple[str, str],
        sample_env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-m", "naturplan",
                             *_args(name, read_only, project, parcel_key)],
                            capture_output=True, text=True, env=sample_env, timeout=600)
    line = _one_danish_line(result, str(read_only))
    assert "skrivebeskyttet" in line
    assert list(read_only.iterdir()) == []


def test_a_failed_import_into_a_new_project_leaves_no_empty_project(
        disk: Disk, sample_env: dict[str, str], tmp_path: Path) -> None:
    """The project is made (a few pages), the 1,000 candidates do not fit: "intet blev
    gemt", and then nothing must be there either."""
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    frame = gpd.GeoDataFrame(
        {"navn": [f"omr {i} " + "x" * 190 for i in range(1000)]},
        geometry=[box(p.x + (i % 40) * 150, p.y + (i // 40) * 150,
                      p.x + (i % 40) * 150 + 100, p.y + (i // 40) * 150 + 100)
                  for i in range(1000)], crs=25832)
    source = tmp_path / "mange.gpkg"
    frame.to_file(source, driver="GPKG")
    disk.fill(150_000)
    target = disk.folder / "ny.gpkg"
    result = disk.run(["candidates", "import", "--project", str(target), "--from",
                       str(source), "--kind", "lowland", "--name-field", "navn"], sample_env)
    assert result.returncode == 1, result.stderr
    assert "intet blev gemt" in result.stderr
    assert disk.entries() == []


def test_an_earlier_file_survives_a_failed_write(disk: Disk, project: Path,
                                                 parcel_key: tuple[str, str],
                                                 sample_env: dict[str, str]) -> None:
    """A failed export replaces nothing: yesterday's table is still there, byte for byte."""
    old = disk.folder / "k.xlsx"
    old.write_bytes(b"yesterday's table")
    disk.fill(0)
    result = disk.run(_args("table-xlsx", disk.folder, project, parcel_key), sample_env)
    _one_danish_line(result, str(disk.folder))
    assert old.read_bytes() == b"yesterday's table"
    assert disk.entries() == ["k.xlsx"]
