"""Screenshots of the window on the full sample at three scales, to look at by eye.

    QT_QPA_PLATFORM=offscreen python benchmarks/screenshots.py [--out out/] [--lang da]

Writes ``window_full.png`` (the whole municipality), ``window_25000.png`` (1:25,000 over
Aalborg's centre) and ``window_5000.png`` (1:5,000, parcel numbers and §3 types labelled),
and prints the frame time and the labels placed in each.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: A point in Aalborg's centre and one in the countryside south of it (EPSG:25832).
CENTRE = (552_400.0, 6_321_300.0)
COUNTRY = (556_500.0, 6_306_500.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--lang", default="da")
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from naturplan.gui.i18n import install_translator
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest
    from naturplan.render import MapView

    app = QApplication.instance() or QApplication([])
    keep = install_translator(app, args.lang)  # noqa: F841
    scratch = tempfile.TemporaryDirectory()
    settings = QSettings(str(Path(scratch.name) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, lang=args.lang)
    window.resize(1400, 880)
    window.show()
    app.processEvents()
    window.load_dataset(DatasetRequest(sample_scale=args.scale), wait=True)
    canvas = window.canvas
    canvas.prepare_ahead = False
    shots = [("full", None, None), ("25000", CENTRE, 25_000.0), ("5000", COUNTRY, 5_000.0),
             ("5000_city", CENTRE, 5_000.0)]
    for name, centre, scale in shots:
        if centre is None:
            canvas.zoom_home()
        else:
            res = scale * canvas.view.pixel_size_m
            canvas.set_view(MapView(centre[0], centre[1], res, canvas.width(), canvas.height()))
        t0 = time.perf_counter()
        stats = canvas.render_now()
        seconds = time.perf_counter() - t0
        app.processEvents()
        path = args.out / f"window_{name}.png"
        window.grab().save(str(path))
        fields: dict[str, int] = {}
        for label in stats.labels:
            fields[label.field] = fields.get(label.field, 0) + 1
        print(f"{path}: 1:{canvas.view.scale_denominator:,.0f}, frame {seconds * 1000:.0f} ms, "
              f"labels {fields}")
    window.close()


if __name__ == "__main__":
    main()
