"""Damaged data through the read-only commands: no traceback, no hang, nothing written.

A seeded mutator damages a copy of the sample data (bytes deleted, duplicated,
flipped; values swapped for extreme ones; odd file names and keys) and runs
`validate`, `show`, `fmt --check` and `overview` in-process on it. Each must
finish within a time limit with exit code 0, 1 or 2, print no traceback and no
raw control character, and leave every file as it was, with no file added.

SUMMIT_FUZZ_CASES sets the number of cases (500 by default, split over the
mutation kinds); SUMMIT_FUZZ_SEED the first seed. A failure lists every failing
case with its seed, so `SUMMIT_FUZZ_SEED=... SUMMIT_FUZZ_CASES=...` replays it.
"""

import contextlib
import gc
import io
import os
import random
import re
import shutil
import signal
import stat
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import pytest

from summit.cli import main
from tests.conftest import REPO, SAMPLE_SUMMIT
from tests.fuzz_mutations import KINDS, PENDING

CASES = int(os.environ.get("SUMMIT_FUZZ_CASES", "500"))
FIRST_SEED = int(os.environ.get("SUMMIT_FUZZ_SEED", "0"))
SECONDS_PER_COMMAND = float(os.environ.get("SUMMIT_FUZZ_TIMEOUT", "10"))

# What a terminal would act on; NO_COLOR is set, so summit itself prints none of it.
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# ── Running the commands ─────────────────────────────────────────────────────────


class Hang(BaseException):
    """A command ran past its time limit (BaseException: no `except Exception` eats it)."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def state(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every entry under root (files, folders, links, FIFOs): kind, mtime and bytes."""
    found: dict[str, tuple[int, int, bytes]] = {}
    for folder, names, files in os.walk(root):
        for name in names + files:
            path = Path(folder, name)
            info = path.lstat()
            data = path.read_bytes() if stat.S_ISREG(info.st_mode) else b""
            found[os.fsdecode(path.relative_to(root))] = (info.st_mode, info.st_mtime_ns, data)
    return found


def run(*args: str) -> tuple[int | None, str]:
    """`summit ARGS` in-process: exit code (None if it raised or hung) and all output."""
    out, err = io.StringIO(), io.StringIO()
    code: int | None = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            with time_limit(SECONDS_PER_COMMAND):
                code = main(list(args))
        except Hang:
            err.write(f"HANG: more than {SECONDS_PER_COMMAND} s")
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 2
        except BaseException:
            err.write("UNCAUGHT " + "".join(traceback.format_exc(limit=-3)))
    return code, out.getvalue() + err.getvalue()


def summit_id(root: Path) -> str:
    files = sorted((root / "agendas").glob("*.toml")) if (root / "agendas").is_dir() else []
    return files[0].stem if files else SAMPLE_SUMMIT


@dataclass
class Failure:
    seed: int
    damage: str
    command: str
    what: str

    def __str__(self) -> str:
        return f"seed {self.seed}: {self.damage}\n    summit {self.command}: {self.what}"


def check_case(kind: str, seed: int, root: Path) -> list[Failure]:
    shutil.copy(REPO / "invitees.toml", root / "invitees.toml")
    shutil.copytree(REPO / "agendas", root / "agendas")
    rng = random.Random(f"{kind}-{seed}")
    damage = KINDS[kind](rng, root)
    before = state(root)
    failures = []
    commands = [["validate"], ["show", summit_id(root)], ["fmt", "--check"], ["overview"]]
    for command in commands:
        code, output = run(*command, "--data", str(root))
        problem = ""
        if code not in (0, 1, 2):
            problem = f"exit {code}: {output[-1500:]}"
        elif "Traceback" in output:
            problem = f"traceback: {output[-1500:]}"
        elif found := _RAW_CONTROLS.search(output):
            problem = f"raw control character {found.group()!r} in the output"
        elif state(root) != before:
            problem = "changed the data directory"
        if problem:
            failures.append(Failure(seed, damage, " ".join(command), problem))
    return failures


def _kind_params() -> list[object]:
    params = []
    for kind in KINDS:
        how, why = PENDING.get(kind, ("", ""))
        marks = []
        if how == "xfail":
            marks = [pytest.mark.xfail(reason=why, strict=False)]
        elif how == "skip":
            marks = [pytest.mark.skip(reason=why)]
        params.append(pytest.param(kind, marks=marks, id=kind))
    return params


@pytest.mark.parametrize("kind", _kind_params())
def test_damaged_data_never_breaks_a_read_only_command(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    cases = max(1, CASES // len(KINDS))
    failures: list[Failure] = []
    for seed in range(FIRST_SEED, FIRST_SEED + cases):
        root = tmp_path / f"case-{seed}"
        root.mkdir()
        failures += check_case(kind, seed, root)
        shutil.rmtree(root)
        # load_dataset gc.freeze()s all that is alive, so cyclic garbage made before
        # (each run's argument parser) is never collected: in-process, thousands of
        # cases would fill memory. Give it back to the collector after each case.
        gc.unfreeze()
    shown = "\n".join(map(str, failures[:30]))
    more = f"\n... and {len(failures) - 30} more" if len(failures) > 30 else ""
    assert not failures, f"{len(failures)} failures of {kind}:\n{shown}{more}"
