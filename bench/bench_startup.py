"""Start-up benchmark: what a person waits for when they type `summit`.

(a) First frame with data, in a real terminal: each app is spawned in a pseudo-
    terminal (120x40) and timed until its screen output holds a known text: the
    first summit's title for summit (the summits list is painted), "Hello" for the
    baseline, a minimal Textual app (Header, Static, Footer). A second figure,
    "ready to edit", is the time until the loaded data shows (the Replies column,
    "accepted", is filled once every file is loaded and checked): at a later start,
    when the records validated at the first are in summit's record cache, at a
    first start (SUMMIT_NO_CACHE), and at a start after a pull that changed one
    organisation of the register, all against the same baseline. Sample data
    (target <= 1.2x), 10,000 delegates and 1,000 summits (<= 1.5x) and 100,000
    delegates (<= 1.5x).
(b) `summit --version` against `python -c pass` (target <= 80 ms).
(c) `summit show` of a summit inviting 10,000 delegates against `summit validate`
    of the same data (target <= 2x); with --big also 100,000.
(d) Back to the summits list from a summit, 1,000 summits, headless with Pilot
    (target <= 100 ms): with nothing changed, and after one edit; against a minimal
    Textual app popping a screen back to a 1,000-row table. Two figures each: until
    the list is painted, and until the app is idle (Pilot's floor is ~60 ms).

Runs are interleaved (one of each in turn) and the medians reported, so that a
change in machine load affects baseline and summit alike.

Bytecode: every figure is for compiled bytecode, as an installed summit runs.
`PYTHONDONTWRITEBYTECODE` may be set (it is in some containers and CI images), so
the bench first compiles summit and the virtual environment's packages with
compileall (which writes .pyc files whatever that variable says), and unsets it
for the children, and the first run of each kind is a discarded warm-up.

Run: uv run python bench/bench_startup.py [--repeat N] [--big]
"""

import argparse
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
import sys
import sysconfig
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import everyone_summit, generate

REPO = Path(__file__).resolve().parents[1]
COLUMNS, LINES = 120, 40

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

Minimal().run()
"""


_EXTRA_ENV: dict[str, str] = {}
"""Set for one run: SUMMIT_NO_CACHE for a first start (see `first_screens`)."""


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(_EXTRA_ENV)
    env.update(TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS))
    env.update(LINES=str(LINES), PYTHONPATH=str(REPO))
    return env


def compile_bytecode() -> None:
    """Write .pyc files for summit and every installed package (see the docstring)."""
    for folder in {REPO / "summit", Path(sysconfig.get_paths()["purelib"])}:
        compileall.compile_dir(folder, quiet=1, workers=0)


# (a) First frame in a pseudo-terminal ----------------------------------------------


def _in_pty(command: Sequence[str], marks: Sequence[bytes], timeout: float = 120) -> list[float]:
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
    """`_in_pty`, but in a detached tmux session (120x40) whose pane is read every 10 ms:
    tmux parses the output and redraws, as the terminal a person uses would."""
    session = f"bench-{os.getpid()}"
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
            ["tmux", "new-session", "-d", "-s", session, *size, "-c", str(REPO), shell],
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
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, check=False
            ).stdout
            while len(times) < len(marks) and marks[len(times)] in shown:
                times.append(time.perf_counter() - started)
            time.sleep(0.01)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False, capture_output=True)
    return times


def first_screens(
    repeat: int, sets: list[tuple[str, Path, bytes, float]], terminal: str = "pty"
) -> None:
    python = sys.executable
    baseline = [python, "-c", MINIMAL]
    in_terminal = _in_pty if terminal == "pty" else in_tmux

    def summit(root: Path) -> list[str]:
        return [python, "-m", "summit", "app", "--data", str(root)]

    def uncached(root: Path, title: bytes) -> list[float]:
        # A first start: nothing validated before is in the user's record cache.
        _EXTRA_ENV["SUMMIT_NO_CACHE"] = "1"
        try:
            return in_terminal(summit(root), [title, b"accepted"])
        finally:
            del _EXTRA_ENV["SUMMIT_NO_CACHE"]

    def after_a_pull(root: Path, title: bytes) -> list[float]:
        # A later start after a pull that changed one organisation of the register:
        # the register is read again, validating only what changed.
        _change_one_organisation(root)
        return in_terminal(summit(root), [title, b"accepted"])

    # summit's record cache in a folder of its own, warmed by the first run of each set
    _EXTRA_ENV["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-cache-")
    in_terminal(baseline, [b"Hello"])  # warm-up: file cache
    for _, root, title, _ in sets:
        in_terminal(summit(root), [title, b"accepted"])
        # The app writes the cache once its data shows, and is killed then: fill it
        # as an earlier session would have, so that the runs below find it.
        folder = repr(str(root))
        warm = f"import pathlib, summit.tui.session as s; s.read_workspace(pathlib.Path({folder}))"
        subprocess.run([python, "-c", f"{warm}.remember_records()"], env=child_env(), check=True)
    base: list[float] = []
    first: dict[str, list[float]] = {label: [] for label, *_ in sets}
    ready: dict[str, list[float]] = {label: [] for label, *_ in sets}
    cold: dict[str, list[float]] = {label: [] for label, *_ in sets}
    pulled: dict[str, list[float]] = {label: [] for label, *_ in sets}
    registers = {root: (root / "invitees.toml").read_bytes() for _, root, _, _ in sets}
    try:
        for _ in range(repeat):
            base += in_terminal(baseline, [b"Hello"])
            for label, root, title, _ in sets:
                painted, loaded = in_terminal(summit(root), [title, b"accepted"])
                first[label].append(painted)
                ready[label].append(loaded)
                cold[label].append(uncached(root, title)[1])
                pulled[label].append(after_a_pull(root, title)[1])
    finally:
        for root, register in registers.items():
            (root / "invitees.toml").write_bytes(register)
    b = statistics.median(base)
    print(f"(a) first frame in a terminal ({terminal}), medians of {repeat} interleaved runs")
    print(f"    minimal Textual app                    {b * 1000:6.0f} ms")
    for label, _, _, target in sets:
        f, r = statistics.median(first[label]), statistics.median(ready[label])
        c = statistics.median(cold[label])
        p = statistics.median(pulled[label])
        print(
            f"    summit, {label:<31} {f * 1000:6.0f} ms  {f / b:5.2f}x (target <= {target}x)"
            f"   ready to edit {r * 1000:6.0f} ms  {r / b:5.2f}x"
            f"   (first start, nothing cached: {c * 1000:6.0f} ms  {c / b:5.2f}x;"
            f" after a pull changing one organisation: {p * 1000:6.0f} ms  {p / b:5.2f}x)"
        )


def _change_one_organisation(root: Path) -> None:
    """Rename the register's first organisation, or rename it back."""
    path = root / "invitees.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('name = "') + len('name = "')
    end = text.index('"', start)
    name = text[start:end]
    renamed = name[: -len(" (renamed)")] if name.endswith(" (renamed)") else f"{name} (renamed)"
    path.write_text(text[:start] + renamed + text[end:], encoding="utf-8")


# (b), (c) Whole commands ----------------------------------------------------------


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


def version(repeat: int) -> None:
    python = sys.executable
    bare, summit = interleaved(
        repeat, [python, "-c", "pass"], [python, "-m", "summit", "--version"]
    )
    print(f"(b) `summit --version` {summit * 1000:.0f} ms (target <= 80 ms);")
    print(f"    `python -c pass` {bare * 1000:.0f} ms: {summit / bare:.1f}x")


def big_summit(root: Path, organisations: int, delegates: int = 10) -> Path:
    """A register of organisations x delegates and one summit inviting every delegate."""
    generate(root, organisations, delegates, summits=0)
    (root / "agendas" / "everyone.toml").write_text(everyone_summit(organisations, delegates))
    return root


def show(repeat: int, folder: Path, sizes: list[int]) -> None:
    python = sys.executable
    for organisations in sizes:
        root = big_summit(folder / f"everyone-{organisations}", organisations)
        data = ["--data", str(root)]
        validate, shown = interleaved(
            repeat,
            [python, "-m", "summit", "validate", *data],
            [python, "-m", "summit", "show", "everyone", *data],
        )
        print(
            f"(c) `summit show`, a summit inviting {organisations * 10:,}: {shown:.2f} s; "
            f"`summit validate` {validate:.2f} s: {shown / validate:.2f}x (target <= 2x)"
        )


# (d) Back to the summits list -------------------------------------------------------

# Both scripts time one key two ways: until the screen it leads to is first painted
# (the compositor hands a frame for that screen to the driver: what a person sees),
# and until Pilot finds the app idle (every queue drained, and 20 ms with no work:
# Pilot's own floor is about 60 ms for any key, its three idle waits).
PAINTED = """
import statistics, sys, time

class Painted:
    # When the screen in front was first painted after mark() (wraps App._display).

    def __init__(self, app):
        self.app, self.started, self.at = app, 0.0, None
        display = app._display

        def timed(screen, renderable):
            if self.at is None and renderable is not None and screen is app.screen:
                self.at = time.perf_counter()
            display(screen, renderable)

        app._display = timed

    def mark(self):
        self.started, self.at = time.perf_counter(), None

    def took(self):
        return (self.at or time.perf_counter()) - self.started
"""

BACK = (
    PAINTED
    + """
from pathlib import Path
from summit.tui.app import make_app
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import SummitsScreen

async def measure(pilot):
    app = pilot.app
    painted = Painted(app)
    await pilot.pause()
    idle = {"unchanged": [], "edited": []}
    seen = {"unchanged": [], "edited": []}
    for _ in range(int(sys.argv[2])):
        for case, keys in (("unchanged", ()), ("edited", ("+",))):
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SummitScreen), app.screen
            await pilot.press(*keys)
            await pilot.pause()
            painted.mark()
            await pilot.press("escape")
            await pilot.pause()
            idle[case].append(time.perf_counter() - painted.started)
            seen[case].append(painted.took())
            assert isinstance(app.screen, SummitsScreen), app.screen
    print("BACK", *(statistics.median(x[case]) for x in (idle, seen) for case in idle), flush=True)
    app.exit()

make_app(Path(sys.argv[1])).run(headless=True, size=(120, 40), auto_pilot=measure)
"""
)

# The same keys in a minimal Textual app: enter opens a screen of four tabs of
# tables (from the table's RowSelected, as a focused DataTable keeps enter for
# itself), escape pops it back to a 1,000-row table; each step is asserted, so the
# baseline cannot silently time a key that does nothing (it once did: 63 ms).
BACK_BASELINE = (
    PAINTED
    + """
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

class Other(Screen):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self):
        yield Header()
        with TabbedContent():
            for tab in range(4):
                with TabPane(f"Tab {tab}"):
                    yield DataTable()
        yield Footer()

class Base(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        for column in ("Date", "Title", "Status", "Replies", "Warnings", "Class", "Id"):
            table.add_column(column, width=15)
        for row in range(1000):
            table.add_row(*[f"{column} {row}" for column in range(7)], key=str(row))

    def on_data_table_row_selected(self):
        self.push_screen(Other())

async def measure(pilot):
    app = pilot.app
    painted = Painted(app)
    await pilot.pause()
    idle, seen = [], []
    for _ in range(int(sys.argv[1])):
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Other), app.screen
        painted.mark()
        await pilot.press("escape")
        await pilot.pause()
        idle.append(time.perf_counter() - painted.started)
        seen.append(painted.took())
        assert not isinstance(app.screen, Other), app.screen
    print("BACK", statistics.median(idle), statistics.median(seen), flush=True)
    app.exit()

Base().run(headless=True, size=(120, 40), auto_pilot=measure)
"""
)


def _back(*args: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", *args],
        env=child_env(),
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("BACK"))
    return [float(x) for x in line.split()[1:]]


def back_to_list(repeat: int, root: Path) -> None:
    """Pilot runs the two in turn, three times each; medians of the medians."""
    runs: list[list[float]] = []
    for _ in range(3):
        runs.append(_back(BACK_BASELINE, str(repeat)) + _back(BACK, str(root), str(repeat)))
    base_idle, base_seen, idle, idle_edited, seen, seen_edited = (
        statistics.median(run[i] for run in runs) * 1000 for i in range(6)
    )
    print(
        "(d) back to the summits list, 1,000 summits (target <= 100 ms), painted / idle:\n"
        f"    nothing changed          {seen:5.0f} ms / {idle:4.0f} ms "
        f"({seen / base_seen:.2f}x / {idle / base_idle:.2f}x)\n"
        f"    after +5 min on agenda   {seen_edited:5.0f} ms / {idle_edited:4.0f} ms "
        f"({seen_edited / base_seen:.2f}x / {idle_edited / base_idle:.2f}x)\n"
        f"    minimal Textual app      {base_seen:5.0f} ms / {base_idle:4.0f} ms "
        "(pops a screen of four tabs back to a 1,000-row table)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--big", action="store_true", help="also show a summit inviting 100,000")
    parser.add_argument(
        "--terminal", choices=["pty", "tmux"], default="pty", help="(a) in a pty or in tmux"
    )
    parser.add_argument(
        "--only", choices=["first", "version", "show", "back"], help="run one part only"
    )
    args = parser.parse_args()
    compile_bytecode()
    parts: dict[str, Callable[[Path], None]] = {
        "first": lambda folder: first_screens(
            args.repeat,
            [
                ("sample data", REPO, b"Summit on child-abuse", 1.2),
                (
                    "10,000 delegates, 1,000 summits",
                    generate(folder / "many", organisations=1000, delegates=10, summits=1000),
                    b"Summit 0 ",
                    1.5,
                ),
                (
                    "100,000 delegates",
                    generate(folder / "huge", organisations=10000, delegates=10, summits=1),
                    b"Summit 0 ",
                    1.5,
                ),
            ],
            args.terminal,
        ),
        "version": lambda _: version(args.repeat),
        "show": lambda folder: show(args.repeat, folder, [1000, 10000] if args.big else [1000]),
        "back": lambda folder: back_to_list(
            args.repeat, generate(folder / "back", organisations=1000, delegates=10, summits=1000)
        ),
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, run in parts.items():
            if args.only in (None, name):
                run(Path(folder))


if __name__ == "__main__":
    main()
