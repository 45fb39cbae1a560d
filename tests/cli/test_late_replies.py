"""A reply does not rewrite the record of a meeting that is over: a calendar reply written
after the meeting ended is not recorded (and says why, per file); a reply typed for a
cancelled summit is refused as an imported one is; and the transparency return says
when it names organisations by their replies, as nobody's attendance is recorded."""

import os
from pathlib import Path

from tests.conftest import SAMPLE_FOLLOW_UP, snapshot
from tests.ical.test_reply_checks import raw_reply
from tests.papers.reading import csv_rows

ROUND_TABLE = """\
title = "Broadband round table"
convener = "secretary-of-state"
organiser = "summit-lead"
start = 2026-02-10T10:00:00
end = 2026-02-10T11:00:00
venue = "100 Parliament Street"
status = "held"

[invitations.virgin-media.rsvp]
virgin-policy = "needs-action"

[invitations.bt.rsvp]
bt-security = "{bt}"
{attended}
[invite]
uid = "round-table-2026@dcms.example.org"
sequence = 0

[invite.issued]
start = 2026-02-10T10:00:00
end = 2026-02-10T11:00:00
timezone = "Europe/London"
venue = "100 Parliament Street"
status = "CONFIRMED"
"""
SOPHIE = "ATTENDEE;PARTSTAT=ACCEPTED:mailto:sophie.turner@virginmedia.example.org"
FEBRUARY = ("--from", "2026-02-01", "--to", "2026-02-28")


def _round_table(root: Path, bt: str = "needs-action", attended: str = "") -> None:
    text = ROUND_TABLE.format(bt=bt, attended=attended)
    (root / "agendas" / "round-table.toml").write_text(text)


def _reply(folder: Path, stamp: str) -> Path:
    return raw_reply(
        folder,
        "virgin.ics",
        uid="round-table-2026@dcms.example.org",
        attendees=[SOPHIE],
        stamp=stamp,
    )


def test_a_reply_stamped_after_the_meeting_is_not_recorded(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    _round_table(data_dir)
    before = snapshot(data_dir)
    result = cli("rsvp", "import", _reply(tmp_path, "DTSTAMP:20261207T080000Z"), "--data", data_dir)
    assert result.code == 0, result.err  # a genuine reply, not a refused file
    assert (
        "ignored virgin.ics: the reply of sophie.turner@virginmedia.example.org is not "
        "recorded: it is dated 2026-12-07 08:00 UTC, after round-table ended "
        "(10 February 2026 11:00 GMT): record who came with `summit attend` instead"
    ) in result.err
    assert "0 replies recorded" in result.err and "accepted" not in result.out
    assert snapshot(data_dir) == before
    declared = cli("transparency", *FEBRUARY, "--data", data_dir)
    assert "Virgin Media" not in declared.out


def test_a_reply_stamped_before_the_meeting_ended_is_recorded(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    _round_table(data_dir)
    result = cli("rsvp", "import", _reply(tmp_path, "DTSTAMP:20260210T105900Z"), "--data", data_dir)
    assert result.code == 0, result.err
    assert "round-table: virgin-policy (virgin-media) needs-action -> accepted" in result.out


def test_an_undated_reply_is_dated_by_its_file_and_not_recorded_after_the_meeting(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    _round_table(data_dir)
    path = raw_reply(
        tmp_path,
        "virgin.ics",
        uid="round-table-2026@dcms.example.org",
        attendees=[SOPHIE],
        stamp="COMMENT:no DTSTAMP, as Outlook sends it",
    )
    os.utime(path, (1_796_601_600, 1_796_601_600))  # 7 December 2026, after the meeting
    before = snapshot(data_dir)
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert "no DTSTAMP, ordered by the file's time (2026-12-07" in result.err
    assert "it is dated 2026-12-07 00:00 UTC, after round-table ended" in result.err
    assert snapshot(data_dir) == before


def test_a_reply_typed_for_a_cancelled_summit_is_refused(data_dir: Path, cli) -> None:
    assert cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir).code == 0
    before = snapshot(data_dir)
    result = cli("reply", SAMPLE_FOLLOW_UP, "Sophie Turner", "accepted", "--data", data_dir)
    assert result.code == 1
    assert (
        f"summit: {SAMPLE_FOLLOW_UP} is cancelled, so no reply is recorded for it; "
        "nothing was changed"
    ) in result.err
    assert snapshot(data_dir) == before


def test_the_return_says_when_it_names_organisations_by_their_replies(data_dir: Path, cli) -> None:
    _round_table(data_dir, bt="accepted")
    by_replies = cli("transparency", *FEBRUARY, "--data", data_dir)
    assert by_replies.code == 0
    assert csv_rows(by_replies.out.encode())[1][2] == "BT"
    assert (
        "note: round-table (10 Feb 2026): no attendance is recorded, so its organisations are "
        "those that accepted the invitation, not those that came; record who came"
    ) in by_replies.err
    _round_table(
        data_dir, bt="accepted", attended="\n[invitations.bt.attended]\nbt-security = true\n"
    )
    by_attendance = cli("transparency", *FEBRUARY, "--data", data_dir)
    assert csv_rows(by_attendance.out.encode())[1][2] == "BT"
    assert "note:" not in by_attendance.err
