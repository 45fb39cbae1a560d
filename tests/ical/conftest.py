"""Helpers to read our .ics output back with two independent parsers."""

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
import vobject

from summit.store import Dataset, load_dataset
from tests.conftest import SAMPLE_SUMMIT

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def vobject_reads_each_vtimezone_afresh() -> None:
    """vobject keeps the first VTIMEZONE it reads for a TZID for the rest of the process;
    forget them so that each test checks the VTIMEZONE it wrote, not an earlier one."""
    tzids: dict[str, object] = getattr(vobject.icalendar, "__tzidMap")
    utc = tzids.get("UTC")
    tzids.clear()
    if utc is not None:
        tzids["UTC"] = utc


@pytest.fixture
def dataset(data_dir: Path) -> Dataset:
    return load_dataset(data_dir)


def parse_both(data: bytes) -> tuple[icalendar.Calendar, vobject.base.Component]:
    return icalendar.Calendar.from_ical(data), vobject.readOne(data.decode("utf-8"))


def vevents(data: bytes) -> list[vobject.base.Component]:
    return list(vobject.readOne(data.decode("utf-8")).vevent_list)


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def edit_summit(root: Path, old: str, new: str) -> None:
    path = summit_file(root)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
