"""What goes into each paper: the briefing pack, the note of the meeting, the press notice.

Pure: a summit, the register and the summits it follows in, blocks out. Every
paper that leaves the department is built from `shareable(summit)` (and the
series likewise), so nothing marked sensitive can reach it; internal papers
show everything, each sensitive record marked, under the highest marking they hold.
Personal data (`personal` tables, e-mail addresses, phone numbers) is never
read here, except the organiser's contact details in the internal variants.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from summit.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Classification,
    Commitment,
    ItemKind,
    Register,
    Rsvp,
    Summit,
)
from summit.model.schedule import agenda_end, planned_end, schedule
from summit.model.sensitivity import is_sensitive, shareable
from summit.model.wording import counted
from summit.papers.document import Block, Bullets, Heading, Paper, PaperKind, Paragraph, Table

Series = Sequence[tuple[str, Summit]]
"""The summits a summit follows, newest first, each with its id."""

SENSITIVE = str(Classification.OFFICIAL_SENSITIVE)


@dataclass(frozen=True, slots=True)
class _Setting:
    """One summit as one paper may show it (filtered for external papers)."""

    summit_id: str
    summit: Summit
    register: Register
    series: Series
    internal: bool
    describe: Callable[[str], str]
    """A person or organisation id as people read it (Register.describer)."""

    def organisation(self, org_id: str) -> str:
        organisation = self.register.organisations.get(org_id)
        return organisation.name if organisation is not None else org_id

    def mark(self, record: AgendaItem | Action | Commitment, text: str) -> str:
        return f"{SENSITIVE}: {text}" if self.internal and is_sensitive(record) else text

    def summits(self) -> Iterator[tuple[str, Summit]]:
        yield self.summit_id, self.summit
        yield from self.series


def _setting(
    summit_id: str, summit: Summit, register: Register, series: Series, *, internal: bool
) -> _Setting:
    if not internal:
        summit = shareable(summit)
        series = [(earlier_id, shareable(earlier)) for earlier_id, earlier in series]
    return _Setting(summit_id, summit, register, series, internal, register.describer())


def marking(summit: Summit, series: Series = ()) -> str:
    """The highest marking a paper showing everything of these summits must carry."""
    for shown in (summit, *(earlier for _, earlier in series)):
        records: list[AgendaItem | Action | Commitment] = [
            *shown.agenda,
            *shown.actions,
            *shown.commitments,
        ]
        sensitive = shown.classification is Classification.OFFICIAL_SENSITIVE
        if sensitive or any(is_sensitive(record) for record in records):
            return SENSITIVE
    return str(Classification.OFFICIAL)


def _flat(text: str) -> str:
    """Text written over several lines in the file as one paragraph."""
    return " ".join(text.split())


def day(value: date) -> str:
    """A date as a paper prints it: 20 January 2027."""
    return f"{value.day} {value:%B %Y}"


def _weekday(value: datetime) -> str:
    return f"{value:%A} {day(value)}"


def _times(summit: Summit) -> str:
    slots = schedule(summit)
    start = slots[0].start if slots else agenda_end(summit)
    end = planned_end(summit) or agenda_end(summit)
    return f"{start:%H:%M}–{end:%H:%M} {start.tzname()} ({summit.timezone})"


def _chair(setting: _Setting) -> str:
    chair = setting.register.delegate(setting.summit.convener)
    return f"{chair.name}, {chair.job_title}" if chair else setting.summit.convener


def _logistics(setting: _Setting) -> list[Block]:
    summit = setting.summit
    blocks: list[Block] = [
        Paragraph(_weekday(summit.start), "Date"),
        Paragraph(_times(summit), "Time"),
        Paragraph(summit.venue, "Venue"),
        Paragraph(_chair(setting), "Chair"),
    ]
    if setting.internal:
        blocks.extend(_contact(setting))
    return blocks


def _contact(setting: _Setting) -> list[Block]:
    """The organiser's contact details: internal papers only."""
    person = setting.register.delegate(setting.summit.organiser)
    if person is None:
        return []
    details = ", ".join(p for p in (person.name, person.job_title, person.email, person.phone) if p)
    return [Paragraph(details, "Contact")]


def _slot_time(start: datetime, end: datetime) -> str:
    return f"{start:%H:%M}–{end:%H:%M}"


def _agenda_table(setting: _Setting) -> list[Block]:
    rows = tuple(
        (
            _slot_time(slot.start, slot.end),
            setting.mark(slot.item, slot.item.title),
            setting.describe(slot.item.lead) if slot.item.lead else "",
        )
        for slot in schedule(setting.summit)
    )
    return [Heading("Agenda"), Table(("Time", "Item", "Lead"), rows)] if rows else []


def _due(value: date | None) -> str:
    return day(value) if value else ""


def _commitment_rows(setting: _Setting, summits: Series) -> tuple[tuple[str, ...], ...]:
    found = [
        (setting.organisation(c.organisation), c, summit.title)
        for _, summit in summits
        for c in summit.commitments
    ]
    found.sort(key=lambda row: (row[0], row[1].agreed))
    return tuple(
        (org, setting.mark(c, c.text), f"{day(c.agreed)}, {title}", _due(c.due), str(c.status))
        for org, c, title in found
    )


def _earlier_commitments(setting: _Setting) -> list[Block]:
    heading = Heading("Earlier commitments and where they stand")
    if not setting.series:
        return [heading, Paragraph("This summit follows no earlier one.")]
    rows = _commitment_rows(setting, setting.series)
    if not rows:
        return [heading, Paragraph("No commitments were recorded at the earlier summits.")]
    header = ("Organisation", "Commitment", "Agreed", "Due", "Status")
    return [heading, Table(header, rows)]


def _open_actions(setting: _Setting) -> list[Block]:
    when = setting.summit.start.date()
    rows = tuple(
        (
            setting.mark(action, action.text),
            setting.organisation(action.owner),
            _due(action.due) + (" (overdue)" if action.due and action.due < when else ""),
            summit.title,
        )
        for _, summit in setting.summits()
        for action in summit.actions
        if action.status is ActionStatus.OPEN
    )
    if not rows:
        return [Heading("Open actions"), Paragraph("No action is open.")]
    return [Heading("Open actions"), Table(("Action", "Owner", "Due", "Summit"), rows)]


def _attendance(setting: _Setting) -> list[Block]:
    blocks: list[Block] = [Heading("Attendance")]
    apologies = []
    recorded = False
    for org_id, invitation in setting.summit.invitations.items():
        organisation = setting.register.organisations.get(org_id)
        if organisation is None:
            continue
        came = []
        for delegate_id, attended in invitation.attended.items():
            recorded = True
            person = organisation.delegates.get(delegate_id)
            if person is None:
                continue
            if attended:
                came.append(f"{person.name}, {person.job_title}")
            else:
                apologies.append(f"{person.name} ({organisation.name})")
        if came:
            blocks += [Heading(organisation.name, 3), Bullets(tuple(came))]
    if not recorded:
        blocks.append(Paragraph("Attendance has not been recorded yet."))
    if apologies:
        blocks.append(Paragraph(", ".join(apologies), "Apologies"))
    return blocks


def _discussion(setting: _Setting) -> list[Block]:
    blocks: list[Block] = [Heading("Discussion")]
    number = 0
    for item in setting.summit.agenda:
        if item.kind is ItemKind.BREAK or (is_sensitive(item) and not setting.internal):
            continue
        number += 1
        blocks.append(Heading(setting.mark(item, f"{number}. {item.title}"), 3))
        said = [("Summary", item.summary), ("Decisions", item.decisions)]
        blocks.extend(Paragraph(text.strip(), label) for label, text in said if text)
        if not item.summary and not item.decisions:
            blocks.append(Paragraph("No summary recorded."))
    return blocks


def _actions(setting: _Setting) -> list[Block]:
    rows = tuple(
        (
            setting.mark(a, a.text),
            setting.organisation(a.owner),
            _due(a.due),
            str(a.status),
        )
        for a in setting.summit.actions
    )
    if not rows:
        return [Heading("Actions"), Paragraph("No actions were agreed.")]
    return [Heading("Actions"), Table(("Action", "Owner", "Due", "Status"), rows)]


def _commitments(setting: _Setting) -> list[Block]:
    rows = tuple(
        (setting.organisation(c.organisation), setting.mark(c, c.text), day(c.agreed), _due(c.due))
        for c in setting.summit.commitments
    )
    if not rows:
        return [Heading("Commitments"), Paragraph("No commitments were made.")]
    return [Heading("Commitments"), Table(("Organisation", "Commitment", "Agreed", "Due"), rows)]


def meeting_note(
    summit_id: str, summit: Summit, register: Register, series: Series, *, internal: bool
) -> Paper:
    """After the day: for attendees (sensitive records withheld), or the full internal record."""
    setting = _setting(summit_id, summit, register, series, internal=internal)
    blocks: list[Block] = [*_logistics(setting), *_attendance(setting), *_discussion(setting)]
    blocks += _actions(setting) + _commitments(setting)
    if setting.series:
        blocks += _earlier_commitments(setting)
    suffix = "-internal" if internal else ""
    return Paper(
        PaperKind.NOTE,
        f"{summit_id}-note-of-meeting{suffix}",
        f"Note of the meeting: {summit.title}",
        internal=internal,
        marking=marking(summit, series) if internal else str(summit.classification),
        blocks=tuple(blocks),
    )


def attending_organisations(summit: Summit, register: Register) -> list[str]:
    """Ids of the organisations at least one of whose invited delegates came."""
    return [
        org_id
        for org_id, invitation in summit.invitations.items()
        if org_id in register.organisations and any(invitation.attended.values())
    ]


def accepting_organisations(summit: Summit, register: Register) -> list[str]:
    """Ids of the organisations at least one of whose invited delegates accepted."""
    return [
        org_id
        for org_id, invitation in summit.invitations.items()
        if org_id in register.organisations
        and any(reply is Rsvp.ACCEPTED for reply in invitation.rsvp.values())
    ]


def _minister(setting: _Setting) -> str:
    chair = setting.register.delegate(setting.summit.convener)
    if chair is None:
        return "The minister"
    return chair.name if chair.name == chair.job_title else f"{chair.name}, {chair.job_title},"


def press_notice(
    summit_id: str,
    summit: Summit,
    register: Register,
    series: Series,
    *,
    today: date | None = None,
) -> Paper:
    """For GOV.UK: no person named but the minister, nothing sensitive. Written as after the
    day unless `today` is before the summit's date: then as what will happen."""
    setting = _setting(summit_id, summit, register, series, internal=False)
    shown = setting.summit
    host = register.find_delegate(shown.organiser)
    coming = today is not None and shown.start.date() > today
    # Before the day, who is coming is who accepted: attendance is recorded only after it.
    present = accepting_organisations if coming else attending_organisations
    came = [
        setting.organisation(o) for o in present(shown, register) if host is None or o != host[0]
    ]
    chairs = "will chair" if coming else "chaired"
    opening = f"{_minister(setting)} {chairs} the summit on {day(shown.start.date())}"
    opening += f" with {counted(len(came), 'organisation')}." if came else "."
    blocks: list[Block] = [Paragraph(opening)]
    if shown.purpose:
        blocks.append(Paragraph(_flat(shown.purpose), "Purpose"))
    if came:
        blocks += [Heading("Who is attending" if coming else "Who attended"), Bullets(tuple(came))]
    agreed = tuple(
        f"{setting.organisation(c.organisation)}: {c.text}"
        + (f" (by {day(c.due)})" if c.due else "")
        for c in shown.commitments
    )
    if agreed:
        blocks += [Heading("What was agreed"), Bullets(agreed)]
    earlier = tuple(
        f"{setting.organisation(c.organisation)}: {c.text} ({c.status}; agreed {day(c.agreed)})"
        for _, summit in setting.series
        for c in summit.commitments
    )
    if earlier:
        blocks += [Heading("Progress on earlier commitments"), Bullets(earlier)]
    return Paper(
        PaperKind.PRESS,
        f"{summit_id}-press-notice",
        shown.title,
        internal=False,
        marking=None,
        blocks=tuple(blocks),
    )
