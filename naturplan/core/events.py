"""A very small observer helper: core objects emit plain events, views subscribe.

The core never knows the views (STYLE.md): a Qt item model connects a callback here and
forwards it to Qt signals itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., None]


class Event:
    """A list of callbacks that are called, in order, when the event is emitted."""

    def __init__(self) -> None:
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        """Call *callback* on every emit; returns it so this can be used as a decorator."""
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        """Stop calling *callback*; a callback that is not connected is ignored."""
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any, **kwargs: Any) -> None:
        """Call every connected callback with the given arguments."""
        for callback in list(self._callbacks):
            callback(*args, **kwargs)
