"""A save killed with SIGKILL leaves its temporary copy; the next save or validate removes it."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from summit.model import Register
from summit.store import TomlDocument
from tests.conftest import CliResult

# Slows the copy's write so that the kill lands mid-save, with the copy on disk.
_SLOW_SAVER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from summit.model import Register
    from summit.store import TomlDocument
    import summit.store.atomic as atomic

    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    atomic.os.fsync = slow_fsync
    doc = TomlDocument.load(Path(sys.argv[1]), Register)
    record = doc.record.model_copy(deep=True)
    org = next(iter(record.organisations.values())); org.name += " (renamed)"
    doc.save(record)
    """
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _killed_save(register: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_SAVER, str(register)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert len(_leftovers(register.parent)) == 1  # the partial copy of the register


def test_the_next_save_removes_a_killed_saves_copy(data_dir: Path) -> None:
    register = data_dir / "invitees.toml"
    _killed_save(register)
    doc = TomlDocument.load(register, Register)
    record = doc.record.model_copy(deep=True)
    org = next(iter(record.organisations.values()))
    org.name += " (again)"
    assert doc.save(record)
    assert _leftovers(data_dir) == []


def test_validate_removes_it_and_leaves_other_tmp_files(
    data_dir: Path, cli: Callable[..., CliResult]
) -> None:
    _killed_save(data_dir / "invitees.toml")
    mine = data_dir / "notes.tmp"
    mine.write_text("not summit's")
    time.sleep(0.01)
    assert cli("validate", "--data", data_dir).code == 0
    assert _leftovers(data_dir) == ["notes.tmp"]
