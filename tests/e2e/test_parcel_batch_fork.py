"""`parcels --out FILE.csv` on both cores (issue 24 §4): half of the parcels in a forked
child gives the same file, byte for byte, as one process; a child that dies costs time, not
rows; a cancelled batch leaves no child; and each half's rows are those of the whole batch.
The child runs :func:`parcel_batch._lines` (through :mod:`naturplan.core.forked`)."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from naturplan.core import forked
from naturplan.core.errors import OperationCancelled
from naturplan.core.feedback import Feedback
from naturplan.core.parcels.batch import parcel_table
from naturplan.core.parcels.context import ParcelContext
from naturplan.export.parcel_table import csv_text
from naturplan.usecases import parcel_batch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux")


@pytest.fixture(scope="module")
def context(sample_env: dict[str, str]) -> ParcelContext:
    """The small sample with every layer of the default dataset (§3, Natura 2000, lowland,
    flood raster, forest zones, Matriklen's restrictions)."""
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.parcels import parcel_context

    dataset = open_dataset(DatasetRequest(sample_scale=float(sample_env[
        "NATURPLAN_SAMPLE_SCALE"])))
    return parcel_context(dataset)


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests in this process may have loaded the window's modules, run HiGHS or
    left threads (Qt's, which Python counts for ever), after which no child is made: here
    the rules are those of the command line, and only threads started here count."""
    monkeypatch.delitem(sys.modules, "PySide6.QtWidgets", raising=False)
    earlier = set(threading.enumerate()) - {threading.main_thread()}
    monkeypatch.setattr(threading, "active_count", lambda: sum(
        1 for t in threading.enumerate() if t not in earlier))
    mip = sys.modules.get("naturplan.core.optimise.mip")
    if mip is not None:
        monkeypatch.setattr(mip, "can_fork", lambda: True)


def _started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, int | None]]:
    """(forked, the child's pid) of every call the batch starts."""
    made: list[tuple[bool, int | None]] = []
    real = forked.start

    def recorded(function, *args, **kwargs):  # type: ignore[no-untyped-def]
        pending = real(function, *args, **kwargs)
        made.append((pending.forked, pending.pid))
        return pending

    monkeypatch.setattr(forked, "start", recorded)
    return made


def _one_process(context: ParcelContext) -> str:
    table = parcel_table(context)
    table["synthetic_data"] = True
    return csv_text(table)


def test_the_forked_csv_is_the_one_process_csv(context: ParcelContext,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parcel_batch, "FORK_MIN_PARCELS", 0)
    children: list[int] = []
    real = parcel_batch._lines

    def child(*args: object) -> list[str]:  # runs in the child: recorded there, not here
        children.append(os.getpid())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parcel_batch, "_lines", child)
    made = _started(monkeypatch)
    done = parcel_batch.parcel_csv(context, True)
    expected = _one_process(context)
    assert [f for f, _ in made] == [True]
    assert done.text == expected
    assert done.rows == len(context.geometries) == expected.count("\n") - 1
    assert done.not_evaluated == tuple(parcel_table(context).attrs["not_evaluated"])
    assert children == []  # the list was appended to in the child, not here: it did fork
    measured = [line for line in expected.splitlines()[1:] if ",0.0000,0.0000," not in line]
    assert measured  # the sample's batch has parcels with overlaps (not only empty rows)


def test_a_child_that_dies_leaves_its_half_to_the_parent(context: ParcelContext,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(parcel_batch, "FORK_MIN_PARCELS", 0)
    monkeypatch.setattr(parcel_batch, "_lines", lambda *args: os._exit(3))
    made = _started(monkeypatch)
    assert parcel_batch.parcel_csv(context, True).text == _one_process(context)
    assert [f for f, _ in made] == [True]


def test_a_cancelled_batch_stops_its_child(context: ParcelContext,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent's half is cancelled: the child (here one that would take two minutes)
    is killed and waited for, not left running or as a zombie."""
    monkeypatch.setattr(parcel_batch, "FORK_MIN_PARCELS", 0)
    monkeypatch.setattr(parcel_batch, "_lines", lambda *args: time.sleep(120))
    made = _started(monkeypatch)
    feedback = Feedback()
    feedback.cancel()
    began = time.monotonic()
    with pytest.raises(OperationCancelled):
        parcel_batch.parcel_csv(context, True, feedback)
    assert time.monotonic() - began < 60
    [(was_forked, pid)] = made
    assert was_forked and pid is not None
    with pytest.raises(ProcessLookupError):  # no such process, not even a zombie
        os.kill(pid, 0)


def test_a_half_s_rows_are_those_rows_of_the_whole(context: ParcelContext) -> None:
    west, east = parcel_batch._halves(context.geometries)
    assert len(west) + len(east) == len(context.geometries)
    assert np.array_equal(np.sort(np.concatenate([west, east])),
                          np.arange(len(context.geometries)))
    whole = parcel_table(context)
    part = parcel_table(context.subset(east))
    assert part.reset_index(drop=True).equals(whole.iloc[east].reset_index(drop=True))


def test_the_batch_reads_only_the_layers_its_table_uses(
        context: ParcelContext, sample_env: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Not the addresses, roads or designations (a card's and the map's): the same file as
    the batch over every layer of the dataset."""
    import naturplan.io.datasets as datasets
    from naturplan.cli import main
    from naturplan.core.layers.roles import Role

    read: list[Role] = []
    real = datasets.load_layer

    def recording(request, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(request.role)
        return real(request, *args, **kwargs)

    monkeypatch.setattr(datasets, "load_layer", recording)
    out = tmp_path / "status.csv"
    assert main(["parcels", "--out", str(out)]) == 0
    assert Role.PARCELS in read and Role.NATURE_P3 in read and Role.FLOOD in read
    assert not {Role.ADDRESSES, Role.ROADS, Role.DESIGNATIONS} & set(read)
    assert out.read_text(encoding="utf-8") == _one_process(context)


def test_no_fork_while_another_thread_runs(context: ParcelContext,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock another thread holds would stay locked in a forked child: then one process."""
    monkeypatch.setattr(parcel_batch, "FORK_MIN_PARCELS", 0)
    two: list[bool] = []
    monkeypatch.setattr(parcel_batch, "_in_two", lambda *args: two.append(True))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        text = parcel_batch.parcel_csv(context, True).text
    finally:
        stop.set()
        other.join()
    assert two == [] and text == _one_process(context)
