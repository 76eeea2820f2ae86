"""Handing a worker thread's result back to the UI thread, safely.

A worker must never hold the last reference to a Qt object, nor emit a signal of an object
the window may be deleting (a closing window deletes its view-models while a database call
or a render is still running): either ends in a crash. So what a worker keeps is a weak
reference and a number; the one object it talks to lives as long as the application, on the
UI thread, and there the weak reference is resolved — or found gone, and nothing happens.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot


class Receiver(Protocol):
    def receive(self, key: int, future: Future[Any]) -> None: ...


class _Relay(QObject):
    run = Signal(object)  # a function of no arguments

    def __init__(self) -> None:
        super().__init__()
        self.run.connect(self._call)  # emitted from a worker: queued to this, the UI thread

    @Slot(object)
    def _call(self, function: Callable[[], None]) -> None:
        function()


_relay: list[_Relay] = []  # made once, on the UI thread (see prepare)
_keys = itertools.count(1)


def prepare() -> None:
    """Make the relay now, on the UI thread (call before any worker starts)."""
    if not _relay:
        _relay.append(_Relay())


def next_key() -> int:
    return next(_keys)


def hand_back(receiver: Receiver, key: int, future: Future[Any]) -> None:
    """When `future` is done, call `receiver.receive(key, future)` on the UI thread, if the
    receiver still exists then. Holds only a weak reference to it."""
    future.add_done_callback(partial(_finished, weakref.ref(receiver), key))


def _finished(owner: weakref.ref[Receiver], key: int, future: Future[Any]) -> None:
    _relay[0].run.emit(partial(_land, owner, key, future))  # on the worker thread


def _land(owner: weakref.ref[Receiver], key: int, future: Future[Any]) -> None:
    receiver = owner()  # on the UI thread
    if receiver is not None:
        receiver.receive(key, future)
