"""The ``naturplan`` subcommands as light declarations, loaded only when one runs (issue 24).

Importing every subcommand's module (and through them shapely, the plan, the optimiser...) cost
about a third of a second before any command began. The top-level parser now lists the commands
from :data:`COMMANDS` (name, module, run function and the one-line help of ``naturplan
--help``); a command's own parser is built, and its module imported, the first time argparse
looks it up - when it is chosen on the command line, or when something walks every parser (the
help-translation test). The help line here must be the one the module's ``add_parser`` gives
(tests/cli/test_lazy_commands.py compares them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    """One subcommand: its module adds its parser (``add_parser``) and runs it (*run*)."""

    name: str
    module: str
    help: str
    run: str = "run"


COMMANDS: tuple[Command, ...] = (
    Command("stats", "naturplan.cli.stats", "protected share and the gap to targets"),
    Command("candidates", "naturplan.cli.candidates", "import, list and edit candidate areas"),
    Command("project", "naturplan.cli.project", "copy a project between a file and PostGIS"),
    Command("export", "naturplan.cli.export",
            "export a print map (pdf, png) or a self-contained web map (html)"),
    Command("parcel", "naturplan.cli.parcel",
            "everything that applies to one parcel (by ejerlav and matrikelnummer, or address)",
            run="run_parcel"),
    Command("parcels", "naturplan.cli.parcel",
            "every parcel's status to a CSV or GeoPackage file, one row per parcel",
            run="run_parcels"),
    Command("data", "naturplan.cli.data", "layers from web services (WFS, OGC API)"),
    Command("scenarios", "naturplan.cli.scenarios",
            "list, make and edit the project's scenarios (named sets of candidate areas)"),
    Command("suggest", "naturplan.cli.suggest",
            "suggest a plan that reaches a target share (an optimiser over the parcels) and "
            "store it as a scenario"),
    Command("plandata", "naturplan.cli.plandata",
            "export the plan to Plandata.dk (kommuneplanretningslinjer 1112-1115)"),
)

BY_NAME = {command.name: command for command in COMMANDS}


def _module(name: str) -> Any:
    """Module *name*, imported now. ``__import__`` rather than :func:`importlib.import_module`:
    ``python -X importtime`` lists only what goes through the import statement's machinery."""
    __import__(name)
    return sys.modules[name]


def runner(name: str) -> Callable[[argparse.Namespace], int]:
    """The run function of command *name* (its module imported now)."""
    command = BY_NAME[name]
    run: Callable[[argparse.Namespace], int] = getattr(
        _module(command.module), command.run)
    return run


class _LazyParsers(dict[str, argparse.ArgumentParser]):
    """argparse's name → parser map whose declared commands are built on first look-up.

    ``in`` and iteration (argparse's "invalid choice" message) see every declared name in the
    declared order without building anything; ``[name]``, ``get``, ``values`` and ``items``
    build what they return."""

    def __init__(self, build: Callable[[str], None]) -> None:
        super().__init__()
        self.build = build
        self.pending: dict[str, str] = {}  # name → module, not built yet
        self.order: list[str] = []

    def declare(self, name: str, module: str) -> None:
        self.pending[name] = module
        self.order.append(name)

    def load(self, name: str) -> None:
        module = self.pending.get(name)
        if module is None:
            return
        for other in [n for n, m in self.pending.items() if m == module]:
            del self.pending[other]  # the module adds all of its commands at once
        self.build(module)

    def load_all(self) -> None:
        for name in list(self.order):
            self.load(name)

    def __contains__(self, name: object) -> bool:
        return name in self.pending or super().__contains__(name)

    def __iter__(self) -> Iterator[str]:
        built = [n for n in super().__iter__() if n not in self.order]
        return iter([n for n in self.order if n in self] + built)

    def __len__(self) -> int:
        return len(list(iter(self)))

    def keys(self) -> Any:
        return list(iter(self))

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        self.load(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self else default

    def values(self) -> Any:
        self.load_all()
        return [super(_LazyParsers, self).__getitem__(n) for n in iter(self)]

    def items(self) -> Any:
        self.load_all()
        return [(n, super(_LazyParsers, self).__getitem__(n)) for n in iter(self)]


class LazySubParsersAction(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The top-level ``COMMAND`` argument: its commands declared by :meth:`declare`, each
    command's module asked to add its parser (``add_parser(subparsers, data_parent)``) when
    argparse first needs that parser. Pass ``data_parent`` through :meth:`set_parent`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._data_parent: argparse.ArgumentParser | None = None
        self._lazy = _LazyParsers(self._build)
        self._name_parser_map = self._lazy
        self.choices = self._lazy

    def set_parent(self, data_parent: argparse.ArgumentParser) -> None:
        self._data_parent = data_parent

    def declare(self, command: Command) -> None:
        """List *command* (name and help line) without building its parser."""
        self._choices_actions.append(
            self._ChoicesPseudoAction(command.name, (), command.help))
        self._lazy.declare(command.name, command.module)

    def _build(self, module: str) -> None:
        declared = len(self._choices_actions)
        _module(module).add_parser(self, self._data_parent)
        del self._choices_actions[declared:]  # the declared help lines stay
