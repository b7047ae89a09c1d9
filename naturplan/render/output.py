"""Pages and images drawn in memory, then written by Python (issue 18).

Qt's file writers hide why a write failed: ``QPdfWriter`` on a full disk finishes a PDF without
its trailer and reports success, ``QImage.save`` prints ``libpng error: Write Error`` and
returns False. Drawn into a buffer instead, the bytes are written with a plain ``write`` whose
``OSError`` says "disk full" or "permission denied", and :mod:`naturplan.io.atomic` turns that
into one line for the user.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPainter, QPdfWriter


def write_pdf_file(path: Path, setup: Callable[[QPdfWriter], None],
                   paint: Callable[[QPainter], None]) -> None:
    """Draw one PDF with *paint* on a writer prepared by *setup*, then write it to *path*.

    Raises
    ------
    OSError
        If the painter cannot start or finish, or the file cannot be written.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    setup(writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, f"cannot start the PDF for {path}")
    try:
        paint(painter)
    finally:
        ended = painter.end()
        del writer  # flushes the last bytes into the buffer
        buffer.close()
    if not ended:
        raise OSError(errno.EIO, f"the PDF writer failed on {path}")
    Path(path).write_bytes(data.data())


def write_png_file(path: Path, image: QImage) -> None:
    """Encode *image* as PNG in memory and write it to *path*.

    Raises
    ------
    OSError
        If the image cannot be encoded or the file cannot be written.
    """
    write_image_file(path, image, "PNG")


def write_image_file(path: Path, image: QImage, kind: str) -> None:
    """Encode *image* as *kind* (PNG, JPG, …) in memory and write it to *path*.

    Raises
    ------
    OSError
        If the image cannot be encoded as *kind* or the file cannot be written.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, kind)
    buffer.close()
    if not ok:
        raise OSError(errno.EIO, f"cannot encode the {kind} image for {path}")
    Path(path).write_bytes(data.data())
