"""The quarterly transparency return of ministers' meetings with external organisations.

One row per meeting held in the period with at least one external organisation,
in the Cabinet Office template's columns. Government bodies (sector
`government`) are not external organisations: a meeting with only them is not
declared, and they are not named in a row.
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from summit.model import Register, Rsvp, Sector, Summit, SummitStatus
from summit.model.sensitivity import shareable

COLUMNS = ("Minister", "Date", "Name of organisation", "Purpose of meeting")
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

    def row(self) -> tuple[str, str, str, str]:
        return (
            self.minister,
            self.day.isoformat(),
            ORGANISATIONS_JOINED_BY.join(self.organisations),
            self.purpose,
        )


def _held(summit: Summit) -> bool:
    """Held: marked so, or someone's attendance is recorded; never when cancelled."""
    if summit.status is SummitStatus.CANCELLED:
        return False
    attended = any(any(i.attended.values()) for i in summit.invitations.values())
    return summit.status is SummitStatus.HELD or attended


def _present(summit: Summit) -> list[str]:
    """Organisations that came: by recorded attendance, else by acceptance."""
    if any(invitation.attended for invitation in summit.invitations.values()):
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
) -> list[Meeting]:
    """The meetings to declare from `start` to `end` inclusive, in date order."""
    found = []
    for summit_id, summit in summits.items():
        if not start <= summit.start.date() <= end or not _held(summit):
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
        found.append(Meeting(summit_id, name, summit.start.date(), organisations, purpose))
    found.sort(key=lambda meeting: (meeting.day, meeting.summit_id))
    return found


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def transparency_csv(rows: Iterable[Meeting]) -> bytes:
    """The return as CSV (UTF-8, CRLF rows as RFC 4180 has them), header first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for meeting in rows:
        writer.writerow([_cell(value) for value in meeting.row()])
    return buffer.getvalue().encode("utf-8")
