"""Issue 19 items 2 and 8, issue 20 item 8: the transparency return lists only meetings that
took place, as departments publish it (DD/MM/YYYY, one "Nil return" row for an empty period,
their own headings) and as Excel reads it (a UTF-8 byte-order mark)."""

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_FOLLOW_UP
from tests.papers.reading import csv_rows

PAST_MEETING = """\
title = "Café Société round table"
convener = "secretary-of-state"
organiser = "summit-lead"
start = {day}T10:00:00
end = {day}T11:00:00
venue = "100 Parliament Street"
status = "{status}"
purpose = "{purpose}"

[invitations.google.rsvp]
google-policy = "accepted"

[invitations.google.attended]
google-policy = {came}
"""


def _meeting(
    root: Path, name: str, day: str, status: str = "held", purpose: str = "", *, came: str = "true"
) -> None:
    text = PAST_MEETING.format(day=day, status=status, purpose=purpose or "Café Société", came=came)
    (root / "agendas" / f"{name}.toml").write_text(text)


def _return(cli, data_dir: Path, *options: str) -> bytes:
    out = data_dir / "return.csv"
    result = cli("transparency", *options, "--data", data_dir, "--out", out)
    assert result.code == 0, result.err
    return out.read_bytes()


def test_the_return_starts_with_a_byte_order_mark_and_keeps_the_formula_guard(
    data_dir: Path, cli
) -> None:
    _meeting(data_dir, "cafe", "2026-02-10", purpose="=HYPERLINK(1) at Café Société")
    data = _return(cli, data_dir, "--from", "2026-01-01", "--to", "2026-03-31")
    assert data.startswith(b"\xef\xbb\xbfMinister,Date,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row[1] for row in rows[1:]] == ["20/01/2026", "10/02/2026"]  # the sample, then this
    assert rows[2][3] == "'=HYPERLINK(1) at Café Société"


def test_iso_dates_and_headings_of_the_departments_choosing(data_dir: Path, cli) -> None:
    _meeting(data_dir, "cafe", "2026-02-10")
    headings = "Minister,Date of meeting,Organisation(s),Purpose of meeting"
    data = _return(
        cli, data_dir, "--from", "2026-01-01", "--to", "2026-03-31",
        "--date-format", "iso", "--headings", headings,
    )  # fmt: skip
    assert csv_rows(data)[0] == headings.split(",")
    assert [row[1] for row in csv_rows(data)[1:]] == ["2026-01-20", "2026-02-10"]


def test_headings_from_the_settings_file(data_dir: Path, cli, isolated_user_folders) -> None:
    import platformdirs  # noqa: PLC0415

    settings = platformdirs.user_config_path("summit") / "preferences.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('transparency_headings = ["Minister", "Date", "Who", "Why"]\n')
    data = _return(cli, data_dir, "--from", "2026-01-01", "--to", "2026-03-31")
    assert csv_rows(data)[0] == ["Minister", "Date", "Who", "Why"]


def test_headings_that_are_not_four_are_refused(data_dir: Path, cli) -> None:
    result = cli(
        "transparency", "--from", "2026-01-01", "--to", "2026-03-31",
        "--headings", "Minister,Date", "--data", data_dir,
    )  # fmt: skip
    assert result.code == 2 and "give 4 column headings" in result.err and result.out == ""


def test_an_empty_period_is_a_nil_return(data_dir: Path, cli) -> None:
    data = _return(cli, data_dir, "--from", "2026-04-01", "--to", "2026-06-30")
    assert csv_rows(data) == [
        ["Minister", "Date", "Name of organisation", "Purpose of meeting"],
        ["Nil return", "", "", ""],
    ]


def test_only_meetings_that_took_place_are_declared(data_dir: Path, cli) -> None:
    """The sample summit was held on 20 January 2026; its follow-up (2027) is not yet, and
    neither is a draft with attendance copied into it, nor a cancelled one."""
    _meeting(data_dir, "draft-with-attendance", "2026-02-10", status="draft")
    # Cancelled, nobody came (attendance recorded for a cancelled summit is an error).
    _meeting(data_dir, "cancelled", "2026-02-11", status="cancelled", came="false")
    _meeting(data_dir, "future-held", "2027-02-12", status="held")
    _meeting(data_dir, "took-place", "2026-02-13", status="confirmed")
    data = _return(cli, data_dir, "--from", "2026-01-01", "--to", "2027-12-31")
    assert [row[1] for row in csv_rows(data)[1:]] == ["20/01/2026", "13/02/2026"]
    assert SAMPLE_FOLLOW_UP  # its 2027-01-20 falls in the period and is not listed


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_cafe_societe_right(data_dir: Path, cli, tmp_path: Path) -> None:
    _meeting(data_dir, "cafe", "2026-02-10")
    _return(cli, data_dir, "--from", "2026-01-01", "--to", "2026-03-31")
    out = tmp_path / "converted"
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless",
         "--infilter=Text - txt - csv (StarCalc)",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out),
         str(data_dir / "return.csv")],
        check=False, capture_output=True, timeout=180,
    )  # fmt: skip
    converted = out / "return.csv"
    if not converted.exists():
        pytest.skip(f"LibreOffice did not convert here: {done.stderr.decode().strip()[-200:]}")
    text = converted.read_text(encoding="utf-8-sig")
    assert "Café Société" in text and "CafÃ" not in text
