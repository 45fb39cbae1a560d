"""The quarterly transparency return of ministers' meetings with external organisations.

One row per meeting that took place in the period (its date past, held or with
attendance recorded, never a draft or cancelled) with at least one external
organisation, in the Cabinet Office template's columns; dates as GOV.UK's
published returns write them (DD/MM/YYYY); a period without meetings is a
"Nil return". Government bodies (sector
`government`) are not external organisations: a meeting with only them is not
declared, and they are not named in a row.
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from summit.model import Register, Rsvp, Sector, Summit, SummitStatus, dates
from summit.model.sensitivity import shareable

COLUMNS = ("Minister", "Date", "Name of organisation", "Purpose of meeting")
NIL_RETURN = "Nil return"
DateFormat = Literal["dmy", "iso"]
_DATE_FORMATS: dict[str, str] = {"dmy": "%d/%m/%Y", "iso": "%Y-%m-%d"}
# The template lists several organisations in one cell, separated by commas.
ORGANISATIONS_JOINED_BY = ", "
# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Meeting:
    summit_id: str
    minister: str
    day: date
    organisations: tuple[str, ...]
    purpose: str
    by_replies: bool = False
    """No attendance is recorded: the organisations are those that accepted."""

    def row(self, date_format: DateFormat = "dmy") -> tuple[str, str, str, str]:
        return (
            self.minister,
            self.day.strftime(_DATE_FORMATS[date_format]),
            ORGANISATIONS_JOINED_BY.join(self.organisations),
            self.purpose,
        )


def _held(summit: Summit, today: date) -> bool:
    """Taken place: its day is past, and marked held or someone's attendance is recorded;
    never cancelled or a draft (attendance copied or typed ahead is not a meeting)."""
    if summit.status in (SummitStatus.CANCELLED, SummitStatus.DRAFT):
        return False
    if summit.start.date() > today:
        return False
    attended = any(any(i.attended.values()) for i in summit.invitations.values())
    return summit.status is SummitStatus.HELD or attended


def _by_replies(summit: Summit) -> bool:
    """Nobody's attendance is recorded: who came is read from who accepted."""
    return not any(invitation.attended for invitation in summit.invitations.values())


def _present(summit: Summit) -> list[str]:
    """Organisations that came: by recorded attendance, else by acceptance."""
    if not _by_replies(summit):
        return [o for o, i in summit.invitations.items() if any(i.attended.values())]
    return [
        o
        for o, i in summit.invitations.items()
        if any(reply is Rsvp.ACCEPTED for reply in i.rsvp.values())
    ]


def _external(org_ids: Iterable[str], register: Register) -> tuple[str, ...]:
    return tuple(
        organisation.name
        for org_id in org_ids
        if (organisation := register.organisations.get(org_id)) is not None
        and organisation.sector is not Sector.GOVERNMENT
    )


def meetings(
    summits: Mapping[str, Summit],
    register: Register,
    start: date,
    end: date,
    minister: str | None = None,
    *,
    today: date | None = None,
) -> list[Meeting]:
    """The meetings to declare from `start` to `end` inclusive, in date order; none after
    `today` (by default the computer's date)."""
    today = today or dates.today()
    found = []
    for summit_id, summit in summits.items():
        if not start <= summit.start.date() <= end or not _held(summit, today):
            continue
        if minister is not None and summit.convener != minister:
            continue
        summit = shareable(summit)  # noqa: PLW2901 - the return is published: filtered as all
        organisations = _external(_present(summit), register)
        if not organisations:
            continue
        chair = register.delegate(summit.convener)
        name = chair.name if chair is not None else summit.convener
        purpose = " ".join((summit.purpose or summit.title).split())
        day = summit.start.date()
        found.append(
            Meeting(summit_id, name, day, organisations, purpose, by_replies=_by_replies(summit))
        )
    found.sort(key=lambda meeting: (meeting.day, meeting.summit_id))
    return found


def notes(rows: Iterable[Meeting]) -> list[str]:
    """What the official should check before publishing: each row whose organisations
    are those that accepted, as nobody's attendance is recorded."""
    return [
        f"{meeting.summit_id} ({meeting.day:%-d %b %Y}): no attendance is recorded, so its "
        "organisations are those that accepted the invitation, not those that came; "
        f"record who came (summit attend {meeting.summit_id} ...) before publishing"
        for meeting in rows
        if meeting.by_replies
    ]


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def headings_from(text: str) -> tuple[str, str, str, str]:
    """Four column headings from `A,B,C,D` (departments word them differently)."""
    found = [cell.strip() for cell in next(csv.reader([text]), [])]
    if len(found) != len(COLUMNS) or not all(found):
        raise ValueError(
            f"give {len(COLUMNS)} column headings separated by commas, such as "
            f"{','.join(COLUMNS)!r}; got {len(found)} in {text!r}"
        )
    return found[0], found[1], found[2], found[3]


def transparency_csv(
    rows: Iterable[Meeting],
    headings: tuple[str, ...] = COLUMNS,
    date_format: DateFormat = "dmy",
) -> bytes:
    """The return as CSV, header first, CRLF rows as RFC 4180 has them; UTF-8 with a
    byte-order mark, without which Excel reads "Café" as "CafÃ©"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_cell(heading) for heading in headings])
    meetings = list(rows)
    for meeting in meetings:
        writer.writerow([_cell(value) for value in meeting.row(date_format)])
    if not meetings:
        writer.writerow([NIL_RETURN, "", "", ""])
    return buffer.getvalue().encode("utf-8-sig")
