"""Interaction benchmark: what a keystroke costs on big data, headless with Pilot.

Each row times one user action from the key (or the screen push) until every
message queue is drained, animations are finished and the app is idle, and is
reported as a ratio to the same Pilot action on a minimal Textual app in the same
run (a baseline for saves is plain tomli + pydantic of the register). Runs of every
row and its baseline are interleaved, and medians reported, because machine load
drifts over a run.

Data: bench/generate.py's 1,000 organisations x 10 delegates and 1,000 summit
files, plus one summit inviting all 10,000 delegates; the 100,000-delegate save
uses a register of 10,000 organisations x 10.

| row | goal |
|---|---|
| open the summit inviting 10,000 | <= 0.3 s |
| edit a delegate in the register (its form's ctrl+s), 10k | <= 100 ms |
| +5 min on that summit's agenda | <= 50 ms |
| a tab switch on the sample data | <= 50 ms |
| save one field (ctrl+s), 10k register | <= 0.2 s |
| save one field (Workspace.save), 100k register | <= 1 s |

Bytecode: PYTHONDONTWRITEBYTECODE stops only the import system from writing .pyc
files, not from reading them; so before measuring, `compileall` writes the bytecode
of summit, Textual, Rich, pydantic, tomli and tomlkit (it writes whatever that
variable says), and every import then reads compiled bytecode. Every row's first
(import-paying) run is a warm-up and is not counted.

Run: uv run python bench/bench_interact.py [--repeat N] [--skip-100k]
"""

import argparse
import asyncio
import compileall
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import everyone_summit, generate
from pilot_timing import baseline_app, drained, press, timed

REPO = Path(__file__).resolve().parents[1]
SIZE = (120, 40)
INVITE_ALL = "everyone"


def compile_bytecode() -> None:
    """Write .pyc files for what the app imports, whatever PYTHONDONTWRITEBYTECODE says."""
    compileall.compile_dir(REPO / "summit", quiet=1)
    for name in ("textual", "rich", "pydantic", "pydantic_core", "tomli", "tomlkit"):
        module = importlib.import_module(name)
        if module.__file__ is not None:
            compileall.compile_dir(Path(module.__file__).parent, quiet=1)


def big_data(folder: Path, organisations: int = 1000, summits: int = 1000) -> Path:
    root = generate(folder, organisations=organisations, delegates=10, summits=summits)
    (root / "agendas" / f"{INVITE_ALL}.toml").write_text(everyone_summit(organisations, 10))
    return root


Row = Callable[[], Awaitable[float]]


async def summit_rows(root: Path, sample: Path) -> dict[str, Row]:
    """Each row as a coroutine function timing one action once (apps kept open)."""

    from summit.model import Register  # noqa: PLC0415
    from summit.tui.app import make_app  # noqa: PLC0415
    from summit.tui.screens.summit import SummitScreen  # noqa: PLC0415

    big = make_app(root)
    big_pilot = await _start(big)
    small = make_app(sample)
    small_pilot = await _start(small)
    await timed(small_pilot, lambda: press(small_pilot, "enter"))
    tab = {"next": "2"}

    async def open_summit() -> float:
        while len(big.screen_stack) > 1:
            big.pop_screen()
        await drained(big_pilot)
        return await timed(
            big_pilot, lambda: big.push_screen(SummitScreen(big.session, INVITE_ALL))
        )

    async def invitees_tab() -> float:
        await open_summit()  # a fresh screen, its invitees tab not drawn yet
        return await timed(big_pilot, lambda: press(big_pilot, "2"))

    async def five_minutes() -> float:
        if not isinstance(big.screen, SummitScreen):
            await open_summit()
        await press(big_pilot, "1")
        await drained(big_pilot)
        return await timed(big_pilot, lambda: press(big_pilot, "plus"))

    async def tab_switch() -> float:
        key = tab["next"]
        tab["next"] = "1" if key == "2" else "2"
        return await timed(small_pilot, lambda: press(small_pilot, key))

    async def save_field() -> float:
        workspace = big.session.workspace
        register = workspace.register.model_copy(deep=True)
        delegate = register.organisations["org-500"].delegates["d-500-5"]
        delegate.job_title = f"Director {time.perf_counter_ns()}"
        workspace.set_register(Register.model_validate(register.to_data()))
        big.session.changed()
        await drained(big_pilot)
        took = await timed(big_pilot, lambda: press(big_pilot, "ctrl+s"))
        assert not workspace.dirty_files(), workspace.dirty_files()
        return took

    return {
        "open the summit inviting 10,000": open_summit,
        "edit a delegate (form, ctrl+s), 10k": delegate_edit(big, big_pilot),
        "its invitees tab, first shown": invitees_tab,
        "+5 min on its agenda": five_minutes,
        "a tab switch, sample data": tab_switch,
        "save one field (ctrl+s), 10k register": save_field,
    }


def delegate_edit(big: Any, big_pilot: Any) -> Row:
    """The register's delegate form: a new job title, ctrl+s, the register redrawn."""

    async def edit_delegate() -> float:
        from textual.widgets import Input  # noqa: PLC0415

        from summit.tui.screens.form import FormScreen  # noqa: PLC0415
        from summit.tui.screens.register import RegisterScreen  # noqa: PLC0415

        while len(big.screen_stack) > 1:
            big.pop_screen()
        big.push_screen(RegisterScreen(big.session))
        await drained(big_pilot)
        big.screen.query_one("#delegates").focus()
        await press(big_pilot, "e")
        await drained(big_pilot)
        form = big.screen
        assert isinstance(form, FormScreen), form
        form.query_one("#field-job_title", Input).value = f"Director {time.perf_counter_ns()}"
        await drained(big_pilot)
        took = await timed(big_pilot, lambda: press(big_pilot, "ctrl+s"))
        assert isinstance(big.screen, RegisterScreen), big.screen
        return took

    return edit_delegate


async def baseline_rows() -> dict[str, Row]:
    minimal, table_screen = baseline_app()
    app = minimal()
    pilot = await _start(app)
    tab = {"next": "2"}

    async def push() -> float:
        while len(app.screen_stack) > 1:
            app.pop_screen()
        await drained(pilot)
        return await timed(pilot, lambda: app.push_screen(table_screen()))

    async def bump() -> float:
        if len(app.screen_stack) == 1:
            await push()
        return await timed(pilot, lambda: press(pilot, "plus"))

    async def switch() -> float:
        if len(app.screen_stack) == 1:
            await push()
        key = tab["next"]
        tab["next"] = "1" if key == "2" else "2"
        return await timed(pilot, lambda: press(pilot, key))

    async def pop() -> float:
        if len(app.screen_stack) == 1:
            await push()
        return await timed(pilot, app.pop_screen)

    return {
        "push a DataTable screen": push,
        "update a cell": bump,
        "switch a tab": switch,
        "pop a screen to a table": pop,
    }


_RUNNING: list[Any] = []


async def _start(app: Any) -> Any:
    """Run the app headless under Pilot until the bench ends."""
    context = app.run_test(size=SIZE)
    pilot = await context.__aenter__()
    _RUNNING.append(context)
    await drained(pilot)
    return pilot


def plain_read(path: Path) -> float:
    """The save baseline: what reading the register with tomli + pydantic costs."""
    import tomli  # noqa: PLC0415

    from summit.model import Register  # noqa: PLC0415

    started = time.perf_counter()
    Register.model_validate(tomli.loads(path.read_text()))
    return time.perf_counter() - started


def workspace_save(root: Path) -> Callable[[], float]:
    from summit.model import Register  # noqa: PLC0415
    from summit.workflows.workspace import Workspace  # noqa: PLC0415

    workspace = Workspace.open(root)

    def save() -> float:
        register = workspace.register.model_copy(deep=True)
        delegate = register.organisations["org-500"].delegates["d-500-5"]
        delegate.job_title = f"Director {time.perf_counter_ns()}"
        workspace.set_register(Register.model_validate(register.to_data()))
        workspace.dirty_files()  # as the app does after every edit (the unsaved marker)
        started = time.perf_counter()
        report = workspace.save()
        took = time.perf_counter() - started
        assert report.saved == ["invitees.toml"], report
        return took

    return save


PAIRS = [
    ("open the summit inviting 10,000", "push a DataTable screen", 0.3),
    ("its invitees tab, first shown", "switch a tab", None),
    ("edit a delegate (form, ctrl+s), 10k", "pop a screen to a table", 0.1),
    ("+5 min on its agenda", "update a cell", 0.05),
    ("a tab switch, sample data", "switch a tab", 0.05),
]


def report(
    label: str, ours: list[float], base: list[float], base_label: str, goal: float | None
) -> None:
    mine, theirs = statistics.median(ours), statistics.median(base)
    verdict = "(no goal)"
    if goal is not None:
        verdict = f"goal <= {goal * 1000:.0f} ms  {'ok' if mine <= goal else 'MISSED'}"
    print(
        f"{label:<42} {mine * 1000:7.1f} ms  {base_label:<24} {theirs * 1000:7.1f} ms  "
        f"ratio {mine / theirs:5.1f}x  {verdict}"
    )


def sample_copy(folder: Path) -> Path:
    """The bundled sample outside any git repository: the app then offers no git setup."""
    shutil.copytree(REPO / "agendas", folder / "agendas")
    shutil.copy(REPO / "invitees.toml", folder / "invitees.toml")
    return folder


async def interactive(root: Path, sample: Path, repeat: int) -> None:
    ours = await summit_rows(root, sample)
    base = await baseline_rows()
    times: dict[str, list[float]] = {name: [] for name in [*ours, *base]}
    for run in range(repeat + 1):
        for name, row in [*ours.items(), *base.items()]:
            took = await row()
            if run:  # the first run pays for first imports: a warm-up
                times[name].append(took)
    for label, base_label, goal in PAIRS:
        report(label, times[label], times[base_label], base_label, goal)
    saves = times["save one field (ctrl+s), 10k register"]
    reads = [plain_read(root / "invitees.toml") for _ in range(repeat)]
    report("save one field (ctrl+s), 10k register", saves, reads, "tomli+pydantic read", 0.2)
    for context in reversed(_RUNNING):
        await context.__aexit__(None, None, None)


def big_save(folder: Path, repeat: int) -> None:
    root = big_data(folder, organisations=10_000, summits=10)
    save = workspace_save(root)
    saves, reads = [], []
    save()  # warm-up
    for _ in range(repeat):
        saves.append(save())
        reads.append(plain_read(root / "invitees.toml"))
    report("save one field (workspace), 100k register", saves, reads, "tomli+pydantic read", 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-100k", action="store_true")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory() as folder:
        root = big_data(Path(folder) / "big")
        print("data: 10,000 delegates, 1,001 summits (one inviting all 10,000); sample data")
        asyncio.run(interactive(root, sample_copy(Path(folder) / "sample"), args.repeat))
        if not args.skip_100k:
            big_save(Path(folder) / "huge", args.repeat)


if __name__ == "__main__":
    main()
