"""``run_app(options, request, roles)``: the QApplication, the translator, the main window,
``--screenshot``."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ORGANIZATION = "naturplan"
APPLICATION = "naturplan"


@dataclass(frozen=True)
class AppOptions:
    """What the app is started with (the command line fills it from its options; the app
    never reads the command line's namespace).

    Attributes
    ----------
    lang
        ``da`` or ``en``.
    screenshot
        Load, draw, save the window to this PNG and exit (None: the interactive app).
    project
        A project file or a PostGIS connection string to open (a new path becomes a new
        project), or None.
    basemap
        The basemap to show (a preset name or a URL; ``none``), or None for the user's own.
    """

    lang: str = "da"
    screenshot: Path | None = None
    project: str | Path | None = None
    basemap: str | None = None


def run_app(options: AppOptions, request: Any, roles: Sequence[Any]) -> int:
    """Open the main window on *request* (a ``DatasetRequest``); returns the exit code.

    The command line turns its options into *options*, *request* and the protected *roles*
    (gui never imports cli: imports flow one way).

    With ``options.screenshot`` the dataset is loaded in this thread, the map drawn, the
    window saved to that PNG, and the app exits (0 on success, 1 with a message on failure).
    """
    lang = options.lang or "da"
    screenshot = options.screenshot
    if screenshot is not None:
        problem = screenshot_problem(Path(screenshot))
        if problem is not None:
            return _fail(problem, lang)
    if screenshot is not None and missing_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    problem = missing_display()
    if problem:
        return _fail(problem, lang)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from naturplan.core.errors import NaturplanError
    from naturplan.gui.allocator import tune_allocator
    from naturplan.gui.collector import install_collector
    from naturplan.gui.i18n import install_translator
    from naturplan.gui.main_window import MainWindow
    from naturplan.text.i18n import error_text

    tune_allocator()  # large freed arrays go back to the system (glibc; issue 24 §2)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_collector(app)  # cyclic garbage is collected on this thread, never in a worker
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    translator = install_translator(app, lang)  # noqa: F841 - kept alive for the app's life
    if screenshot is not None:
        # A screenshot shows the default layout, never the user's saved one.
        import tempfile

        scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(scratch.name) / "naturplan.ini"), QSettings.Format.IniFormat)
    else:
        settings = QSettings()
    project = options.project
    if screenshot is not None and project is not None:
        # No one is there to answer a dialog: refuse a bad project with a line and exit 1.
        from naturplan.io.project.open import open_store

        try:
            open_store(project, create=True).close()
        except (NaturplanError, OSError) as exc:
            return _fail(exc, lang)
    if screenshot is not None:
        from naturplan.io.atomic import check_writable

        try:
            check_writable(Path(screenshot))  # before the window is built and drawn
        except NaturplanError as exc:
            return _fail(exc, lang)
    window = MainWindow(settings, lang=lang, roles=tuple(roles))
    if project is not None:
        # An existing project is opened, a new path becomes a new project; a file that is
        # not a project is refused with a dialog (and an empty project is made instead).
        window.session.open_project(project, create=True)
    basemap = options.basemap
    if basemap is not None or screenshot is not None:
        # A screenshot shows the basemap it is told to (none by default), never a guess.
        window.services.basemap.set_basemap(basemap or "none", wait=screenshot is not None,
                                            remember=False)
        if screenshot is not None and window.services.basemap.error is not None:
            window.close()
            return _fail(window.services.basemap.error, lang)
    if screenshot is not None:
        try:
            return save_screenshot(window, request, Path(screenshot))
        except NaturplanError as exc:
            return _fail(exc, lang)
        finally:
            window.close()
    window.show()
    window.load_dataset(request)
    try:
        return int(app.exec())
    except NaturplanError as exc:  # pragma: no cover - errors are shown in dialogs
        QMessageBox.critical(None, "naturplan", error_text(exc, lang))
        return 1


def _fail(problem: BaseException | str, lang: str | None) -> int:
    """Print *problem* as the one error line (the CLI's: ``naturplan: fejl: …``); returns 1."""
    from naturplan.text.i18n import error_line

    print(error_line(problem, lang), file=sys.stderr)
    return 1


def screenshot_problem(path: Path) -> Exception | None:
    """Why a screenshot cannot be written to *path* (None if it can).

    Checked before the window opens: the folder must exist already (no folders are made
    that the user did not ask for) and be a folder, and *path* must not be a folder.
    """
    from naturplan.core.errors import NaturplanError

    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        return NaturplanError("Cannot write the screenshot to {path}: it is a folder.",
                              path=str(path))
    if not folder.exists():
        return NaturplanError("Cannot write the screenshot to {path}: the folder {folder} "
                              "does not exist.", path=str(path), folder=str(folder))
    if not folder.is_dir():
        return NaturplanError("Cannot write the screenshot to {path}: {folder} is not a "
                              "folder.", path=str(path), folder=str(folder))
    return None


def missing_display(environ: Mapping[str, str] | None = None) -> str:
    """Why a window cannot open here ("" if it can).

    Without a display Qt aborts the process with a message about platform plugins; say
    what is wrong and what works instead. Only on Linux/BSD, where X11 or Wayland is needed.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd")):
        return ""
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "Start naturplan on a desktop, or headless: QT_QPA_PLATFORM=offscreen naturplan "
        "--screenshot out.png, or naturplan stats."
    )


def save_screenshot(
    window: object, request: object, path: Path, size: tuple[int, int] = (1400, 880)
) -> int:
    """Load *request* synchronously into *window*, draw the map, save ``window.grab()``
    through :func:`naturplan.io.atomic.write_file`.

    Raises
    ------
    FileWriteError
        If the image cannot be written completely (nothing is left behind).
    """
    from PySide6.QtWidgets import QApplication

    window.resize(*size)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    QApplication.processEvents()
    window.load_dataset(request, wait=True)  # type: ignore[attr-defined]
    QApplication.processEvents()
    window.canvas.zoom_home()  # type: ignore[attr-defined]
    window.canvas.render_now()  # type: ignore[attr-defined]
    services = getattr(window, "services", None)
    if services is not None:
        services.basemap.ensure()  # the basemap's tiles for this view, waited for
    QApplication.processEvents()
    from naturplan.io import verify
    from naturplan.io.atomic import write_file
    from naturplan.render.output import write_image_file

    image = window.grab().toImage()  # type: ignore[attr-defined]
    kind = (path.suffix.lstrip(".") or "png").upper()
    write_file(path, lambda part: write_image_file(part, image, kind),
               verify.png if kind == "PNG" else verify.not_empty(kind))
    return 0
