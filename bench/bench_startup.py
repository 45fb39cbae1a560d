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
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import everyone_summit, generate
from startup_back import back_to_list
from terminals import (
    EXTRA_ENV,
    REPO,
    child_env,
    compile_bytecode,
    in_pty,
    in_tmux,
    interleaved,
)

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


# (a) First frame in a terminal -----------------------------------------------------


def first_screens(
    repeat: int, sets: list[tuple[str, Path, bytes, float]], terminal: str = "pty"
) -> None:
    python = sys.executable
    baseline = [python, "-c", MINIMAL]
    in_terminal = in_pty if terminal == "pty" else in_tmux

    def summit(root: Path) -> list[str]:
        return [python, "-m", "summit", "app", "--data", str(root)]

    def uncached(root: Path, title: bytes) -> list[float]:
        # A first start: nothing validated before is in the user's record cache.
        EXTRA_ENV["SUMMIT_NO_CACHE"] = "1"
        try:
            return in_terminal(summit(root), [title, b"accepted"])
        finally:
            del EXTRA_ENV["SUMMIT_NO_CACHE"]

    def remember(root: Path) -> None:
        # The app writes the cache once its data shows, and is killed then: fill it
        # as an earlier session would have, so that the runs below find it.
        folder = repr(str(root))
        warm = f"import pathlib, summit.tui.session as s; s.read_workspace(pathlib.Path({folder}))"
        subprocess.run([python, "-c", f"{warm}.remember_records()"], env=child_env(), check=True)

    def after_a_pull(root: Path, title: bytes) -> list[float]:
        # A later start after a pull that changed one organisation of the register:
        # the register is read again, in part. Then the cache is filled for the pulled
        # version, as the app does once its data shows: the next later start finds its
        # very files, and the next pull changes the version the cache holds.
        _change_one_organisation(root)
        times = in_terminal(summit(root), [title, b"accepted"])
        remember(root)
        return times

    # summit's record cache in a folder of its own, warmed by the first run of each set
    EXTRA_ENV["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-cache-")
    in_terminal(baseline, [b"Hello"])  # warm-up: file cache
    for _, root, title, _ in sets:
        in_terminal(summit(root), [title, b"accepted"])
        remember(root)
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
