"""Issue 10: a summit may follow an earlier one; a `follows` to nowhere or a loop is an error."""

from pathlib import Path

from summit.model import Summit
from summit.model.series import earlier
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT, snapshot


def _follow_up(data_dir: Path, summit_id: str, follows: str, day: int) -> None:
    text = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    text = text.replace("start = 2026-01-20T09:30:00", f"start = 2026-0{day}-20T09:30:00")
    text = text.replace("end = 2026-01-20T13:00:00", f"end = 2026-0{day}-20T13:00:00")
    text = text.replace('status = "held"', f'status = "held"\nfollows = "{follows}"')
    text = text[: text.index("[invite]")]
    (data_dir / "agendas" / f"{summit_id}.toml").write_text(text)


def test_earlier_summits_newest_first(data_dir: Path) -> None:
    _follow_up(data_dir, "second", SAMPLE_SUMMIT, 2)
    _follow_up(data_dir, "third", "second", 3)
    dataset = load_dataset(data_dir)
    assert dataset.errors == []
    series = earlier("third", dataset.summit_records())
    assert [summit_id for summit_id, _ in series] == ["second", SAMPLE_SUMMIT]
    assert all(isinstance(summit, Summit) for _, summit in series)


def test_a_loop_is_an_error_at_each_follows_line_and_nothing_is_written(
    data_dir: Path, cli
) -> None:
    _follow_up(data_dir, "second", "third", 2)
    _follow_up(data_dir, "third", "second", 3)
    before = snapshot(data_dir)
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    lines = [row for row in result.out.splitlines() if "loop" in row]
    assert len(lines) == 2, result.out
    assert any(
        row.startswith(f"{data_dir / 'agendas' / 'second.toml'}:13:") or "second.toml:13:" in row
        for row in lines
    ), result.out
    assert "second -> third -> second" in result.out
    papers = cli("papers", "second", "--data", data_dir, "--out", data_dir / "out")
    assert papers.code == 1
    assert snapshot(data_dir) == before
    # The series stops at the loop instead of running round it.
    assert [s for s, _ in earlier("second", load_dataset(data_dir).summit_records())] == ["third"]
