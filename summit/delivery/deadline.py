"""An overall deadline for one network operation (a send batch, a mailbox fetch, a publish).

A socket timeout only bounds each wait: a server that trickles a byte every
ten seconds never trips it and holds the command for ever. A Deadline is a
timer that, when it fires, shuts the connection's socket down, so that the
blocked read returns at once; the caller then says "timed out after N s"
instead of whatever the library made of the closed socket.

The length: SUMMIT_NET_DEADLINE (seconds), else `net_deadline` in the
user's settings file, else DEFAULT_SECONDS.
"""

import contextlib
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType

from summit.store.preferences import load_preferences

DEFAULT_SECONDS = 300.0
READ_TIMEOUT_SECONDS = 30.0
"""The longest a server may stay silent (each wait), within the deadline."""


def deadline_seconds() -> float:
    """The deadline in seconds; a value that is not a positive number is ignored."""
    given: object = os.environ.get("SUMMIT_NET_DEADLINE")
    if given is None:
        given = load_preferences().get("net_deadline")
    try:
        seconds = float(given) if isinstance(given, (str, int, float)) else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS
    return seconds if seconds > 0 else DEFAULT_SECONDS


def read_timeout() -> float:
    return min(READ_TIMEOUT_SECONDS, deadline_seconds())


def cut(sock: socket.socket | None) -> None:
    """Shut a socket down: a read blocked on it in another thread returns at once."""
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class Deadline:
    """A timer that calls `expire` once the deadline passes, unless cancelled first."""

    def __init__(self, expire: Callable[[], None], seconds: float | None = None) -> None:
        self.seconds = deadline_seconds() if seconds is None else seconds
        self.expired = False
        self._expire = expire
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        self.expired = True
        self._expire()

    def start(self) -> "Deadline":
        self._timer.start()
        return self

    def cancel(self) -> None:
        self._timer.cancel()

    def said(self, otherwise: str) -> str:
        """Why the operation failed: the deadline if it passed, else what the library said."""
        return f"timed out after {self.seconds:g} s" if self.expired else otherwise


class DeadlinePassed(BaseException):
    """Raised into a read blocked in a library that hides its socket (CalDAV's HTTP client).

    A BaseException, so that no library turns it into its own error or retries:
    it comes out where the operation began, as KeyboardInterrupt would.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timed out after {seconds:g} s")


class Budget:
    """The time left to an operation made of many requests, each bounded by what remains."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = deadline_seconds() if seconds is None else seconds
        self._ends = time.monotonic() + self.seconds

    @contextlib.contextmanager
    def within(self) -> Iterator[None]:
        """Interrupt the request inside with DeadlinePassed once the operation's time is up.

        Only around network requests, so that no file is ever being written when
        the signal comes. Only the main thread receives signals; elsewhere each
        read's own timeout is the only bound, as before.
        """
        left = self._ends - time.monotonic()
        if left <= 0:
            raise DeadlinePassed(self.seconds)
        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def _passed(_signum: int, _frame: FrameType | None) -> None:
            raise DeadlinePassed(self.seconds)

        previous = signal.signal(signal.SIGALRM, _passed)
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
