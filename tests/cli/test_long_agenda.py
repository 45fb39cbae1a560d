"""`summit show` of a summit with hundreds of agenda items: every item, drawn as rich draws it."""

import re
from pathlib import Path

import pytest

from summit.cli import summit_report

SUMMIT = "online-safety-follow-up"
EXTRA = 150  # beyond summit_report.LONG_AGENDA, so the long drawing is used


def with_many_items(data_dir: Path) -> list[str]:
    path = data_dir / "agendas" / f"{SUMMIT}.toml"
    titles = [f"Round table {n}" for n in range(EXTRA)]
    items = "".join(
        f'\n[[agenda]]\ntitle = "{title}"\nlead = "iwf-chief-executive"\nminutes = 1\n'
        if n % 50
        else f'\n[[agenda]]\ntitle = "{title}"\nkind = "break"\nminutes = 2\n'
        for n, title in enumerate(titles)
    )
    path.write_text(path.read_text(encoding="utf-8") + items, encoding="utf-8")
    return titles


def test_every_item_is_listed_in_order_with_the_caption(data_dir: Path, cli) -> None:
    titles = with_many_items(data_dir)
    assert EXTRA > summit_report.LONG_AGENDA
    result = cli("show", SUMMIT, "--data", data_dir)
    assert result.code == 0, result.err
    rows = [line for line in result.out.splitlines() if "Round table" in line]
    assert [re.search(r"Round table \d+", row)[0] for row in rows] == titles  # type: ignore[index]
    assert re.search(r"│\s+1 │$", rows[1])  # minutes justified right, as before
    assert re.search(r"^\d+ minutes, ending \d\d:\d\d", result.out, re.MULTILINE)


def test_a_long_agenda_reads_as_rich_draws_it_when_nothing_wraps(
    data_dir: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_many_items(data_dir)  # at 200 columns (the cli fixture's), no cell wraps
    long = cli("show", SUMMIT, "--data", data_dir).out
    monkeypatch.setattr(summit_report, "LONG_AGENDA", 10**6)
    assert long == cli("show", SUMMIT, "--data", data_dir).out
