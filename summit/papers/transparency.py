"""The quarterly transparency return of ministers' meetings with external organisations.

One row per minister per meeting that took place in the period (its date past,
held or with attendance recorded, never a draft or cancelled), that a minister (a
delegate with `minister = true`) convened or is recorded as attending (as
accepting, when nobody's attendance is recorded), with at least one external
organisation, in
the Cabinet Office template's columns; dates as GOV.UK's published returns
write them (DD/MM/YYYY); a period without meetings is a "Nil return".
Government bodies (sector `government`) are not external organisations: a
meeting with only them is not declared, and they are not named in a row.
A meeting of the period that is not declared is named with why, so that
nothing leaves the return unsaid.
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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
    minister_id: str = ""

    def row(self, date_format: DateFormat = "dmy") -> tuple[str, str, str, str]:
        return (
            self.minister,
            self.day.strftime(_DATE_FORMATS[date_format]),
            ORGANISATIONS_JOINED_BY.join(self.organisations),
            self.purpose,
        )


def _accounted_for(summit: Summit, today: date) -> bool:
    """A meeting the return must declare or say why not: not cancelled (it never took
    place), and its day come. A draft is said to be left out: attendance may be
    recorded on one that did take place."""
    return summit.status is not SummitStatus.CANCELLED and summit.start.date() <= today


def _came(summit: Summit, delegate_id: str) -> bool | None:
    """Whether the delegate came: by their recorded attendance, by their acceptance when
    nobody's attendance is recorded; None when others' is recorded and theirs is not."""
    for invitation in summit.invitations.values():
        if delegate_id in invitation.rsvp:
            if _by_replies(summit):
                return invitation.rsvp[delegate_id] is Rsvp.ACCEPTED
            return invitation.attended.get(delegate_id)
    return None


def _ministers(summit: Summit, register: Register) -> list[str]:
    """The ministers of the meeting: its chair if a minister (unless recorded as absent),
    and each minister invited who came (accepted, when nobody's attendance is recorded)."""
    found = []
    chair = register.delegate(summit.convener)
    if chair is not None and chair.minister and _came(summit, summit.convener) is not False:
        found.append(summit.convener)
    for invitation in summit.invitations.values():
        for delegate_id in invitation.rsvp:
            person = register.delegate(delegate_id)
            if person is None or not person.minister or delegate_id in found:
                continue
            if _came(summit, delegate_id):
                found.append(delegate_id)
    return found


def _unrecorded_ministers(summit: Summit, register: Register) -> list[str]:
    """Ministers invited who accepted but whose attendance is not recorded, while others'
    is: whether they came is not known, so the meeting is not said to be no minister's."""
    return [
        person.name
        for invitation in summit.invitations.values()
        for delegate_id, reply in invitation.rsvp.items()
        if (person := register.delegate(delegate_id)) is not None
        and person.minister
        and reply is Rsvp.ACCEPTED
        and _came(summit, delegate_id) is None
    ]


def _took_place(summit: Summit) -> bool:
    """Marked held, or someone's attendance is recorded (never typed ahead: `_accounted_for`
    has seen its day come)."""
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


def _invited(summit: Summit) -> list[str]:
    return [d for invitation in summit.invitations.values() for d in invitation.rsvp]


def _why_left_out(summit: Summit, register: Register, today: date) -> str | None:
    """Why a meeting whose day has come is not declared, or None when it is."""
    why = _not_held(summit, today)
    if why is None:
        why = _no_minister(summit, register)
    if why is None and not _external(_present(shareable(summit)), register):
        came = "accepted (no attendance is recorded)" if _by_replies(summit) else "came"
        why = f"no external organisation {came}"
    return why


def _not_held(summit: Summit, today: date) -> str | None:
    draft = summit.status is SummitStatus.DRAFT
    if not draft and _took_place(summit):
        return None
    if summit.start.date() == today:
        return ""  # it may still be going on: not a word until the day is over
    if draft:
        return "still a draft: if it took place, mark it held (`summit edit --status held`)"
    return (
        "not marked held and nobody's attendance is recorded: if it took place, "
        "set its status to held or record who came"
    )


def _no_minister(summit: Summit, register: Register) -> str | None:
    shown = shareable(summit)
    if _ministers(shown, register):
        return None
    unknown = _unrecorded_ministers(shown, register)
    if unknown:
        return (
            f"{' and '.join(unknown)} accepted but their attendance is not recorded: "
            "record whether they came before publishing"
        )
    chair = register.delegate(summit.convener)
    name = chair.name if chair is not None else summit.convener
    came = "accepted" if _by_replies(summit) else "came"
    if chair is not None and chair.minister:
        return f"{name} convened it but is recorded as not attending, and no other minister {came}"
    return (
        f"convened by {name}, who is not a minister, and no minister {came} "
        "(`minister = true` in the register): not a minister's meeting"
    )


@dataclass(frozen=True, slots=True)
class LeftOut:
    summit_id: str
    day: date
    why: str


@dataclass
class Declared:
    """What the return declares, and each meeting of the period it leaves out, with why."""

    meetings: list[Meeting] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def _name(register: Register, delegate_id: str) -> str:
    person = register.delegate(delegate_id)
    return person.name if person is not None else delegate_id


def _meetings(summit_id: str, summit: Summit, register: Register) -> list[Meeting]:
    """A row for each minister of the meeting."""
    shown = shareable(summit)  # the return is published: filtered as everything that leaves
    purpose = " ".join((shown.purpose or shown.title).split())
    organisations = _external(_present(shown), register)
    return [
        Meeting(
            summit_id,
            _name(register, minister),
            shown.start.date(),
            organisations,
            purpose,
            by_replies=_by_replies(shown),
            minister_id=minister,
        )
        for minister in _ministers(shown, register)
    ]


def declared(
    summits: Mapping[str, Summit],
    register: Register,
    start: date,
    end: date,
    minister: str | None = None,
    *,
    today: date | None = None,
) -> Declared:
    """The meetings to declare from `start` to `end` inclusive, in date order, none after
    `today` (by default the computer's date); and those of the period left out, with why."""
    today = today or dates.today()
    found = Declared()
    for summit_id, summit in summits.items():
        if not start <= summit.start.date() <= end or not _accounted_for(summit, today):
            continue
        why = _why_left_out(summit, register, today)
        if why is None:
            meetings = _meetings(summit_id, summit, register)
            found.meetings += [m for m in meetings if minister in (None, m.minister_id)]
        elif why and minister in (None, summit.convener, *_invited(summit)):
            found.left_out.append(LeftOut(summit_id, summit.start.date(), why))
    found.meetings.sort(key=lambda meeting: (meeting.day, meeting.summit_id))
    found.left_out.sort(key=lambda left: (left.day, left.summit_id))
    return found


def notes(found: Declared) -> list[str]:
    """What the official should check before publishing: each meeting left out, with why,
    and each row whose organisations are those that accepted, nobody's attendance
    being recorded."""
    said = [
        f"left out {left.summit_id} ({left.day:%-d %b %Y}): {left.why}" for left in found.left_out
    ]
    return said + [
        f"{meeting.summit_id} ({meeting.day:%-d %b %Y}): no attendance is recorded, so its "
        "organisations are those that accepted the invitation, not those that came; "
        f"record who came (summit attend {meeting.summit_id} ...) before publishing"
        for meeting in found.meetings
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
