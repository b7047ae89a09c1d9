"""Compare what the installed wheel printed and drew with what the clone did (.ci/try-install).

    python3 .ci/compare_install.py CLONE_DIR INSTALLED_DIR

Each folder holds ``stats.json`` (``naturplan stats --json``) and ``window.png``
(``naturplan --screenshot``). The numbers must be equal (file paths aside: they name where
each install keeps its files); the two windows must be the same picture but for a few text
lines (the unsaved project's time stamp), and the map must not be blank.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

#: At most this share of the window's pixels may differ (the project name in two places).
MAX_DIFFERENT = 0.01
#: A drawn map of the sample has hundreds of colours in the window's middle; a blank one few.
MIN_MAP_COLOURS = 200


def without_paths(value: Any) -> Any:
    """*value* with every ``"path"`` entry removed, at any depth."""
    if isinstance(value, dict):
        return {k: without_paths(v) for k, v in value.items() if k != "path"}
    if isinstance(value, list):
        return [without_paths(v) for v in value]
    return value


def pixels(path: Path) -> np.ndarray:
    """The PNG at *path* as a height × width array of 0xAARRGGBB values."""
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
    if image.isNull():
        raise SystemExit(f"not an image: {path}")
    data = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    return data.reshape(image.height(), image.width()).copy()


def main(clone: Path, installed: Path) -> int:
    problems = []
    ours = json.loads((clone / "stats.json").read_text(encoding="utf-8"))
    theirs = json.loads((installed / "stats.json").read_text(encoding="utf-8"))
    if without_paths(ours) != without_paths(theirs):
        problems.append("naturplan stats --json differs between the clone and the install")
    a, b = pixels(clone / "window.png"), pixels(installed / "window.png")
    if a.shape != b.shape:
        problems.append(f"the screenshots differ in size: {a.shape} and {b.shape}")
    else:
        different = float(np.mean(a != b))
        print(f"screenshots: {different:.2%} of the pixels differ")
        if different > MAX_DIFFERENT:
            rows, cols = np.nonzero((a != b).any(axis=1))[0], np.nonzero((a != b).any(axis=0))[0]
            problems.append(f"the screenshots differ in {different:.1%} of their pixels (rows "
                            f"{rows.min()}-{rows.max()}, columns {cols.min()}-{cols.max()})")
    h, w = b.shape
    colours = len(np.unique(b[h // 4: 3 * h // 4, w // 3: 2 * w // 3]))
    print(f"installed screenshot: {colours} colours in the middle of the window")
    if colours < MIN_MAP_COLOURS:
        problems.append(f"the installed app's map looks blank ({colours} colours)")
    for problem in problems:
        print(f"try-install: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
