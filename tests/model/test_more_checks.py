"""Checks that should fire (issue 8, item 5): an agenda lead not invited, a commitment due
before it was agreed, a start time a clock change skips or repeats."""

from datetime import date, datetime
from pathlib import Path

from summit.model import Commitment, check_summit
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT


def sample(root: Path):  # type: ignore[no-untyped-def]
    dataset = load_dataset(root)
    assert dataset.register is not None
    return dataset.summits[SAMPLE_SUMMIT].record.model_copy(deep=True), dataset.register.record


def messages(root: Path, summit) -> list[str]:  # type: ignore[no-untyped-def]
    _, register = sample(root)
    return [f.message for f in check_summit(SAMPLE_SUMMIT, summit, register)]


def test_the_sample_has_none_of_these_warnings(data_dir: Path) -> None:
    summit, _ = sample(data_dir)
    assert messages(data_dir, summit) == []


def test_a_lead_who_is_not_invited_is_a_warning(data_dir: Path) -> None:
    summit, _ = sample(data_dir)
    del summit.invitations["iwf"]
    found = messages(data_dir, summit)
    assert any(
        "leads 'The scale of child-abuse imagery online' but is not invited" in m for m in found
    )


def test_a_commitment_due_before_it_was_agreed_is_a_warning(data_dir: Path) -> None:
    summit, _ = sample(data_dir)
    summit.commitments.append(
        Commitment(organisation="google", text="x", agreed=date(2027, 1, 20), due=date(2027, 1, 1))
    )
    assert "due 01 Jan 2027, before it was agreed on 20 Jan 2027" in messages(data_dir, summit)


def test_a_start_the_clocks_skip_says_what_calendars_show(data_dir: Path) -> None:
    summit, _ = sample(data_dir)
    summit.start, summit.end = datetime(2027, 3, 28, 1, 30), None
    summit.agenda = summit.agenda[:1]
    assert (
        "01:30 on 2027-03-28 does not exist in Europe/London: the clocks go forward then; "
        "calendars will show 02:30 BST"
    ) in messages(data_dir, summit)


def test_a_start_the_clocks_repeat_says_which_one_the_invite_means(data_dir: Path) -> None:
    summit, _ = sample(data_dir)
    summit.start, summit.end = datetime(2027, 10, 31, 1, 30), None
    summit.agenda = summit.agenda[:1]
    found = messages(data_dir, summit)
    assert any("happens twice in Europe/London" in m and "BST (+0100)" in m for m in found)


def test_the_warning_reaches_validate_with_the_line(data_dir: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace("start = 2026-01-20T09:30:00", "start = 2027-03-28T01:30:00")
    path.write_text(text.replace("end = 2026-01-20T13:00:00", "end = 2027-03-28T06:00:00"))
    result = cli("validate", "--data", data_dir)
    assert result.code == 0
    assert f"agendas/{SAMPLE_SUMMIT}.toml:8:1: warning: start: 01:30 on 2027-03-28" in result.out


def test_uses_of_a_delegate_are_named_once_each(data_dir: Path) -> None:
    from summit.model.references import refusal, uses_of  # noqa: PLC0415

    summit, register = sample(data_dir)
    summits = {SAMPLE_SUMMIT: summit}
    assert uses_of("iwf-chief-executive", summits) == [
        f"is invited to {SAMPLE_SUMMIT}",
        f"leads 'The scale of child-abuse imagery online' in {SAMPLE_SUMMIT}",
    ]
    assert refusal("nobody-uses-this", register, summits) is None
