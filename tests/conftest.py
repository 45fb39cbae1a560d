"""Shared fixtures: real data directories in temporary folders, and the CLI run in-process."""

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from summit.cli import main

pytest_plugins = ["tests.git_fixtures"]

REPO = Path(__file__).resolve().parents[1]
SAMPLE_SUMMIT = "online-safety-summit"
# The sample's follow-up: invited, replies arriving, a year after SAMPLE_SUMMIT was held.
SAMPLE_FOLLOW_UP = "online-safety-follow-up"
# The day the sample's story is told on: the first summit held, the follow-up coming.
TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test reads or writes the developer's own data or state folders (platformdirs
    follows XDG)."""
    home = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("user-state")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("user-config")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    return home


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """What is coming and what is past is judged against TODAY, not the computer's date:
    the sample's follow-up would otherwise turn into a past meeting in January 2027."""
    from summit.model import dates  # noqa: PLC0415

    monkeypatch.setattr(dates, "today", lambda: TODAY)
    return TODAY


# A day while the sample's first summit (20 January 2026) was still being planned.
BEFORE_SAMPLE_SUMMIT = date(2026, 1, 5)


@pytest.fixture
def before_the_sample_summit(pinned_today: date, monkeypatch: pytest.MonkeyPatch) -> date:
    """The story told a fortnight before SAMPLE_SUMMIT was held: its invitations, never
    sent, may go out (a summit whose day has passed is never sent). For tests of
    sending itself, which need the sample's first, unsent invitation."""
    from summit.model import dates  # noqa: PLC0415

    monkeypatch.setattr(dates, "today", lambda: BEFORE_SAMPLE_SUMMIT)
    return BEFORE_SAMPLE_SUMMIT


def dated_ahead(root: Path, summit_id: str = SAMPLE_SUMMIT) -> int:
    """SAMPLE_SUMMIT moved to the same day a year or two ahead, so that it is still to
    come for a `summit` run in a subprocess, which reads the computer's clock, not
    TODAY. Returns the new year."""
    year = max(date.today(), TODAY).year + 1
    path = root / "agendas" / f"{summit_id}.toml"
    text = path.read_text()
    assert "2026-01-20T" in text
    path.write_text(text.replace("2026-01-20T", f"{year}-01-20T"))
    return year


def before_it_was_held(root: Path, summit_id: str = SAMPLE_SUMMIT) -> None:
    """SAMPLE_SUMMIT as it stood before its day: confirmed, nobody's attendance recorded.
    A summit that took place is never cancelled, so a test that cancels it starts here,
    on a day before it (`before_the_sample_summit`)."""
    path = root / "agendas" / f"{summit_id}.toml"
    text = path.read_text()
    assert 'status = "held"' in text
    text = text.replace('status = "held"', 'status = "confirmed"', 1)
    attended = r"\[invitations\.[a-z0-9-]+\.attended\]\n(?:[a-z0-9-]+ = (?:true|false)\n)*\n?"
    path.write_text(re.sub(attended, "", text))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the bundled sample data that a test may change."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(REPO / "invitees.toml", root / "invitees.toml")
    shutil.copytree(REPO / "agendas", root / "agendas")
    return root


@pytest.fixture
def sample_still_coming(data_dir: Path) -> int:
    """SAMPLE_SUMMIT moved to January of the coming year (`dated_ahead`), so that replies
    stamped in the story's December answer a meeting still to come: a reply written
    after the meeting ended is not recorded. For tests of importing replies."""
    return dated_ahead(data_dir)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run `summit ARGS` in-process with a wide, colourless terminal."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str | Path) -> CliResult:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def snapshot(root: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file's bytes and mtime, to prove that nothing was written."""
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whose TOML was read from then on (the rest came from the cache)."""
    from summit.store import document, read_again  # noqa: PLC0415

    seen: list[Path] = []
    real_parse = document.parse

    def counting(path: Path, text: str) -> dict[str, object]:
        seen.append(path)
        return real_parse(path, text)

    for reader in (document, read_again):  # without a cache; with one
        monkeypatch.setattr(reader, "parse", counting)
    return seen


@pytest.fixture
def glanced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The summit files whose heads were read (not taken from the kept glances)."""
    from summit.store import glance  # noqa: PLC0415

    seen: list[str] = []
    real = glance._glance

    def counting(path: Path) -> glance.SummitGlance:
        seen.append(path.stem)
        return real(path)

    monkeypatch.setattr(glance, "_glance", counting)
    return seen
