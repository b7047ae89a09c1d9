"""The Qt-free workspace (issue 21 §3): the state the window's features share, with plain
events, and the open project read through from its one owner (never a stale copy)."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES
from naturplan.io.workspace import Workspace


def test_a_new_dataset_is_one_event_with_its_share_already_set():
    workspace = Workspace()
    dataset, share, index = object(), object(), object()
    seen = []
    # a view reads the share and index inside the dataset event: both are set before it fires
    workspace.dataset_changed.connect(
        lambda d: seen.append((d, workspace.share, workspace.index)))
    workspace.share_changed.connect(lambda s, i: seen.append(("share", s, i)))
    assert workspace.dataset is None and workspace.share is None
    workspace.set_dataset(dataset, share, index)  # type: ignore[arg-type]
    assert seen == [(dataset, share, index)]  # no separate share event for a new dataset
    assert workspace.roles == tuple(DEFAULT_PROTECTED_ROLES)


def test_a_share_measured_again_keeps_the_dataset_and_says_so_once():
    workspace = Workspace()
    dataset = object()
    workspace.set_dataset(dataset, object(), object())  # type: ignore[arg-type]
    seen = []
    workspace.dataset_changed.connect(lambda d: seen.append(("dataset", d)))
    workspace.share_changed.connect(lambda s, i: seen.append(("share", s, i)))
    share, index = object(), object()
    workspace.set_share(share, index)  # type: ignore[arg-type]
    assert seen == [("share", share, index)]
    assert workspace.dataset is dataset
    assert (workspace.share, workspace.index) == (share, index)


def test_the_project_is_read_from_its_owner_not_copied():
    workspace = Workspace()
    assert workspace.plan is None and workspace.store is None  # no project followed yet
    session = SimpleNamespace(plan=None, store=None)
    workspace.follow_project(session)
    assert workspace.plan is None
    plan, store = object(), object()
    session.plan, session.store = plan, store  # the session opens a project
    assert workspace.plan is plan and workspace.store is store
    session.plan = session.store = None  # … and closes it
    assert workspace.plan is None and workspace.store is None


def test_the_workspace_imports_no_qt():
    code = ("import sys, naturplan.io.workspace; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
