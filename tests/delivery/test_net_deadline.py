"""An overall deadline per network operation: a server that trickles bytes is cut, and says so."""

import os
import socket
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT, dated_ahead
from tests.delivery.conftest import Recorder, SmtpServer

ORGANISATIONS = 12


class Trickler:
    """A server on 127.0.0.1 that sends one byte of a never-ending first line every 0.3 s."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed: the test is over
                return
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            for byte in b"220 " + b"x" * 10_000:
                if self.stop.wait(0.3):
                    return
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return


@pytest.fixture
def trickler() -> Iterator[Trickler]:
    server = Trickler()
    yield server
    server.stop.set()
    server.listener.close()


def run_summit(*args: str | Path, deadline: str = "2") -> subprocess.CompletedProcess[str]:
    """In a child with a timeout, so that a command that hangs fails the test instead."""
    env = {**os.environ, "SUMMIT_NET_DEADLINE": deadline, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "summit", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=40,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "option", "scheme"),
    [
        (("send", SAMPLE_SUMMIT, "--yes"), "--smtp", "smtp"),
        (("rsvp", "fetch"), "--imap", "imap"),
        (("publish", SAMPLE_SUMMIT), "--caldav", "http"),
    ],
)
def test_a_trickling_server_is_cut_at_the_deadline(
    data_dir: Path, trickler: Trickler, args: tuple[str, ...], option: str, scheme: str
) -> None:
    dated_ahead(data_dir)  # the child reads the computer's clock: the summit is still to come
    began = time.monotonic()
    url = f"{scheme}://127.0.0.1:{trickler.port}" + ("/cal/" if scheme == "http" else "")
    done = run_summit(*args, "--data", data_dir, option, url)
    assert done.returncode == 1
    assert "timed out after 2 s" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - began < 20


@pytest.mark.usefixtures("before_the_sample_summit")
def test_a_relay_that_stalls_mid_batch_times_out_and_nothing_is_sent_twice(
    data_dir: Path, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_NET_DEADLINE", "3")
    recorder: Recorder = smtp_server.recorder
    recorder.hang_after = 5
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", smtp_server.url)
    assert result.code == 1
    assert "timed out after 3 s" in result.err
    assert "closed the connection" not in result.err
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    assert len(tomllib.loads(summit.read_text())["sent"]) == 5

    recorder.hang_after = None
    retry = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", smtp_server.url)
    assert retry.code == 0, retry.err
    got = [tuple(item.recipients) for item in recorder.received]
    assert len(got) == ORGANISATIONS and len(set(got)) == ORGANISATIONS
