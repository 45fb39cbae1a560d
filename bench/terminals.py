"""What the start-up benches share: the children's environment, compiled bytecode,
and the clock on a child process (in a pseudo-terminal, in tmux, or to its exit).

A child's environment is this process's, less PYTHONDONTWRITEBYTECODE (figures are
for compiled bytecode, as an installed summit runs), plus a terminal of 120x40 and
this checkout on PYTHONPATH, plus what one run sets in `EXTRA_ENV`.
"""

import compileall
import fcntl
import os
import pty
import select
import shlex
import signal
import statistics
import struct
import subprocess
import sysconfig
import termios
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COLUMNS, LINES = 120, 40

EXTRA_ENV: dict[str, str] = {}
"""Set for one run: SUMMIT_NO_CACHE for a first start (see `first_screens`)."""


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(EXTRA_ENV)
    env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS))
    env.update(LINES=str(LINES), PYTHONPATH=str(REPO))
    return env


def compile_bytecode() -> None:
    """Write .pyc files for summit and every installed package (see the docstring)."""
    for folder in {REPO / "summit", Path(sysconfig.get_paths()["purelib"])}:
        compileall.compile_dir(folder, quiet=1, workers=0)


def in_pty(command: Sequence[str], marks: Sequence[bytes], timeout: float = 120) -> list[float]:
    """Seconds from spawning `command` in a pty until each mark has appeared, in order."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=REPO,
        env=child_env(),
        start_new_session=True,
    )
    os.close(slave)
    seen, times = b"", []
    try:
        while len(times) < len(marks):
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{command[-1]}: {marks[len(times)]!r} never showed")
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                seen += os.read(master, 1 << 16)
            except OSError:  # the child closed the terminal
                raise RuntimeError(f"{command}: exited before showing {marks}") from None
            while len(times) < len(marks) and marks[len(times)] in seen:
                times.append(time.perf_counter() - started)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        os.close(master)
    return times


def in_tmux(command: Sequence[str], marks: Sequence[bytes], timeout: float = 120) -> list[float]:
    """`in_pty`, but in a detached tmux session (120x40) whose pane is read every 10 ms:
    tmux parses the output and redraws, as the terminal a person uses would."""
    session = f"bench-{os.getpid()}"
    # A tmux server of the bench's own (-L), so that a person's sessions, or another
    # bench's, are never listed, read or killed by this one.
    tmux = ["tmux", "-L", f"bench-startup-{os.getpid()}"]
    # Only what differs from this process's environment (which the tmux server it
    # starts inherits): tmux refuses a command line of more than about 2 KB.
    ours = child_env()
    environment = [f"{k}={v}" for k, v in ours.items() if os.environ.get(k) != v and k != "TMUX"]
    unset = ["-u", "PYTHONDONTWRITEBYTECODE"] if "PYTHONDONTWRITEBYTECODE" not in ours else []
    shell = " ".join(shlex.quote(part) for part in ["env", *unset, *environment, *command])
    size = ["-x", str(COLUMNS), "-y", str(LINES)]
    started = time.perf_counter()  # the spawn is part of what a person waits for
    for _ in range(5):  # the server the last run's kill emptied may still be exiting
        started_tmux = subprocess.run(
            [*tmux, "new-session", "-d", "-s", session, *size, "-c", str(REPO), shell],
            capture_output=True,
            text=True,
            check=False,
        )
        if "server exited unexpectedly" not in started_tmux.stderr:
            break
        time.sleep(0.1)
    if started_tmux.returncode != 0:
        raise RuntimeError(f"tmux: {started_tmux.stderr.strip()} ({len(shell)} characters)")
    times: list[float] = []
    try:
        while len(times) < len(marks):
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"{command[-1]}: {marks[len(times)]!r} never showed in tmux")
            shown = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", session], capture_output=True, check=False
            ).stdout
            while len(times) < len(marks) and marks[len(times)] in shown:
                times.append(time.perf_counter() - started)
            time.sleep(0.01)
    finally:
        subprocess.run([*tmux, "kill-session", "-t", session], check=False, capture_output=True)
    return times


def timed(command: Sequence[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=child_env(), cwd=REPO, capture_output=True, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:  # a failing command is quick, and its time meaningless
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    return took


def interleaved(repeat: int, *commands: Sequence[str]) -> list[float]:
    for command in commands:
        timed(command)  # warm-up
    runs: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for times, command in zip(runs, commands, strict=True):
            times.append(timed(command))
    return [statistics.median(times) for times in runs]
