"""Malformed replies and huge files are file-named errors (issue 7, item 12).

Each file is written as a calendar client might send it and read by the real
importer; a refused file names itself, its line and the property, and nothing
is written. (Items 9-11 are in test_reply_checks.py.)
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit.ical.replies import NotAReply, read_reply
from summit.model import Rsvp
from tests.conftest import REPO, snapshot
from tests.ical.test_replies import rsvp, sample_uid
from tests.ical.test_reply_checks import (
    FACEBOOK,
    imported,
    raw_reply,
    refused,
)

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day

# ── 12. Malformed values and huge files are file-named errors ──────────────


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ({"sequence": "abc"}, "bad.ics:7:1: SEQUENCE:"),
        ({"sequence": "-1"}, "bad.ics:7:1: SEQUENCE: "),
        ({"stamp": "DTSTAMP:2027-13-45T99:99:99"}, "bad.ics:8:1: DTSTAMP:"),
        ({"stamp": "DTSTAMP;VALUE=DATE:20261201"}, "bad.ics:8:1: DTSTAMP: "),
        ({"stamp": "DTSTAMP:20261201T100000"}, "bad.ics:8:1: DTSTAMP: "),
    ],
)
def test_12_a_malformed_value_beside_a_good_reply_is_a_named_error(
    data_dir: Path, tmp_path: Path, lines: dict[str, str], message: str
) -> None:
    uid = sample_uid(data_dir)
    good = raw_reply(
        tmp_path, "good.ics", uid=uid, attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"]
    )
    bad = raw_reply(
        tmp_path, "bad.ics", uid=uid, attendees=[f"ATTENDEE;PARTSTAT=DECLINED:{FACEBOOK}"], **lines
    )
    result = imported(data_dir, bad, good)
    problems = [problem.format() for problem in result.problems]
    assert len(problems) == 1 and message in problems[0], problems
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.ACCEPTED  # the good one


def test_12_a_huge_file_is_refused_before_it_is_parsed(data_dir: Path, tmp_path: Path) -> None:
    uid = sample_uid(data_dir)
    path = raw_reply(
        tmp_path,
        "huge.ics",
        uid=uid,
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"] + ["X-PADDING:" + "x" * 60] * 400_000,
    )
    assert path.stat().st_size > 20_000_000
    started = time.perf_counter()
    problems = refused(data_dir, path)
    assert time.perf_counter() - started < 2
    assert problems and "larger than" in problems[0], problems


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_12_a_named_pipe_is_refused_not_waited_on(data_dir: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.ics"
    os.mkfifo(pipe)
    run = subprocess.run(
        [sys.executable, "-m", "summit", "rsvp", "import", str(pipe), "--data", str(data_dir)],
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
    )
    assert run.returncode == 1
    assert "not a regular file" in run.stdout
    assert "Traceback" not in run.stderr


def test_12_malformed_files_from_the_command_line_exit_1_without_a_traceback(
    data_dir: Path, tmp_path: Path
) -> None:
    uid = sample_uid(data_dir)
    date = raw_reply(
        tmp_path,
        "date.ics",
        uid=uid,
        stamp="DTSTAMP;VALUE=DATE:20261201",
        attendees=[f"ATTENDEE;PARTSTAT=ACCEPTED:{FACEBOOK}"],
    )
    aware = raw_reply(
        tmp_path,
        "aware.ics",
        uid=uid,
        stamp="DTSTAMP:20261202T100000Z",
        attendees=[f"ATTENDEE;PARTSTAT=DECLINED:{FACEBOOK}"],
    )
    naive = raw_reply(
        tmp_path,
        "naive.ics",
        uid=uid,
        stamp="DTSTAMP:20261203T100000",
        attendees=[f"ATTENDEE;PARTSTAT=TENTATIVE:{FACEBOOK}"],
    )
    before = snapshot(data_dir)
    run = subprocess.run(
        [sys.executable, "-m", "summit", "rsvp", "import", date, aware, naive, "--data", data_dir],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "COLUMNS": "300", "NO_COLOR": "1"},
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{date}:8:1: DTSTAMP:" in run.stdout
    assert f"{naive}:8:1: DTSTAMP:" in run.stdout
    assert snapshot(data_dir) != before  # aware.ics, the good one, is recorded
    assert rsvp(data_dir, "facebook-policy", "facebook") is Rsvp.DECLINED


_GOOD = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "METHOD:REPLY",
    "BEGIN:VEVENT",
    "UID:u@x",
    "SEQUENCE:0",
    "DTSTAMP:20261201T100000Z",
    "ORGANIZER:mailto:o@x.org",
    "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@x.org",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
]
_VALUES = st.sampled_from(
    [
        "abc", "-1", "99999999999999999999", "2027-13-45T99:99:99", "20261201", "20261201T1000",
        "P1D", "T100000", "", ":", ";", '"', "mailto:", "MAILTO:b@x.org", "http://x", "\x00",
        "é", "DELEGATED", 'PARTSTAT=DELEGATED;DELEGATED-TO="mailto:b@x.org"', "VALUE=DATE",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(_GOOD) - 1), st.sampled_from(["replace", "insert", "drop"])),
        max_size=4,
    ),
    st.lists(_VALUES, min_size=4, max_size=4),
)
def test_12_any_damaged_reply_is_refused_or_read_never_a_traceback(
    edits: list[tuple[int, str]], values: list[str]
) -> None:
    """Lines of a good reply replaced, duplicated or dropped: only NotAReply may come out."""
    lines = list(_GOOD)
    for (wanted, how), value in zip(edits, values, strict=False):
        index = min(wanted, len(lines) - 1)
        name, _, rest = lines[index].partition(":")
        if how == "drop":
            del lines[index]
        elif how == "insert":
            lines.insert(index, lines[index])
        else:
            lines[index] = (
                f"{name.split(';')[0]};{value}:{rest}" if ";" in value else f"{name}:{value}"
            )
    try:
        read_reply("\r\n".join(lines).encode())
    except NotAReply as error:
        assert str(error)
