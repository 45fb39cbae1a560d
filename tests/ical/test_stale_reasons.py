"""A reply to an earlier SEQUENCE says what really changed since (issue 18, item 4)."""

from pathlib import Path

import pytest

from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.conftest import edit_summit, summit_file
from tests.ical.test_replies import reply_file, sample_uid

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def late_reply(data_dir: Path, tmp_path: Path) -> str:
    uid = sample_uid(data_dir)
    path = reply_file(
        tmp_path,
        "late.ics",
        uid=uid,
        email="oliver.grant@facebook.example.org",
        partstat="ACCEPTED",
    )
    result = invitations.import_replies(load_dataset(data_dir), [path])
    assert result.changed == [] and result.problems == []
    return result.ignored[0]


@pytest.mark.parametrize(
    ("edits", "said"),
    [
        ([("Conference Room 1", "Conference Room 2")], "the place has changed since"),
        ([("-01-20T09:30", "-01-20T10:30")], "the time has changed"),  # the first: start
        ([('status = "held"', 'status = "draft"')], "the status has changed since"),
        (
            [
                ("Conference Room 1", "Conference Room 2"),
                ('status = "held"', 'status = "draft"'),
            ],
            "the place and the status have changed since",
        ),
    ],
)
def test_a_stale_reply_names_what_changed(
    data_dir: Path, tmp_path: Path, edits: list[tuple[str, str]], said: str
) -> None:
    for old, new in edits:  # each edit issued on its own: SEQUENCE 1, then 2
        edit_summit(data_dir, old, new)
        invitations.issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)
    assert said in late_reply(data_dir, tmp_path)


def test_an_older_file_without_the_record_says_time_place_or_status(
    data_dir: Path, tmp_path: Path
) -> None:
    edit_summit(data_dir, "Conference Room 1", "Conference Room 2")
    invitations.issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)
    text = summit_file(data_dir).read_text()
    start = text.index("[invite.changed]")
    end = text.index("\n\n", start) if "\n\n" in text[start:] else len(text)
    summit_file(data_dir).write_text(text[:start] + text[end:])
    assert "the time, place or status has changed since" in late_reply(data_dir, tmp_path)
