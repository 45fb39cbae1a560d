"""The briefing pack in the order a minister's office expects a meeting brief.

The Civil Service "Working with Ministers" order: why the meeting (who asked
for it), objectives, logistics and agenda, who's who, points to make, background
(what may be said apart from what must not be disclosed), handling. A section
with nothing in it is left out. Internal: everything shows, each sensitive record
marked, under the highest marking the pack holds.
"""

from summit.model import (
    AgendaItem,
    Classification,
    ItemKind,
    Register,
    Summit,
)
from summit.model.replies import reply_note
from summit.model.schedule import schedule
from summit.model.sensitivity import is_sensitive
from summit.papers.content import (
    Series,
    _agenda_table,
    _commitments,
    _earlier_commitments,
    _logistics,
    _open_actions,
    _Setting,
    _setting,
    _slot_time,
    marking,
)
from summit.papers.document import Block, Heading, Paper, PaperKind, Paragraph, Table


def _flat(text: str | None) -> str:
    return (text or "").strip()


def _why(summit: Summit) -> list[Block]:
    return [Heading("Why the meeting"), Paragraph(_flat(summit.reason))] if summit.reason else []


def _objectives(setting: _Setting) -> list[Block]:
    blocks: list[Block] = []
    if setting.summit.purpose:
        blocks.append(Paragraph(_flat(setting.summit.purpose)))
    for item in setting.summit.agenda:
        if item.objective:
            blocks.append(Paragraph(_flat(item.objective), setting.mark(item, item.title)))
    return [Heading("Objectives"), *blocks] if blocks else []


def _whos_who(setting: _Setting) -> list[Block]:
    summit = setting.summit
    counts = ", ".join(f"{n} {reply}" for reply, n in summit.rsvp_counts().items() if n)
    rows = []
    for org_id, invitation in summit.invitations.items():
        organisation = setting.register.organisations.get(org_id)
        if organisation is None:
            continue
        for delegate_id, reply in invitation.rsvp.items():
            person = organisation.delegates.get(delegate_id)
            if person is not None:
                note = " ".join((person.note or "").split())
                said = reply_note(invitation, delegate_id)  # what they wrote with their answer
                answer = " ".join(filter(None, (str(reply), said)))
                rows.append((person.name, person.job_title, organisation.name, answer, note))
    if not rows:
        return []
    header = ("Name", "Role", "Organisation", "Reply", "Note")
    return [Heading("Who's who"), Paragraph(counts), Table(header, tuple(rows))]


def _item_heading(setting: _Setting, item: AgendaItem, when: str) -> Heading:
    return Heading(f"{when} {setting.mark(item, item.title)}", 3)


def _points_to_make(setting: _Setting) -> list[Block]:
    blocks: list[Block] = []
    for slot in schedule(setting.summit):
        item = slot.item
        lead = setting.describe(item.lead) if item.lead else None
        said = [("Lead", lead), ("Lines to take", item.lines_to_take), ("Notes", item.notes)]
        if item.kind is ItemKind.BREAK or not (item.lines_to_take or item.notes):
            continue
        blocks.append(_item_heading(setting, item, _slot_time(slot.start, slot.end)))
        blocks.extend(Paragraph(_flat(text), label) for label, text in said if text)
    return [Heading("Points to make"), *blocks] if blocks else []


def _secret(summit: Summit, item: AgendaItem) -> bool:
    return summit.classification is Classification.OFFICIAL_SENSITIVE or is_sensitive(item)


def _background(setting: _Setting) -> list[Block]:
    summit = setting.summit
    told = [i for i in summit.agenda if i.background]
    said = [Paragraph(_flat(i.background), i.title) for i in told if not _secret(summit, i)]
    kept = [
        Paragraph(_flat(i.background), setting.mark(i, i.title)) for i in told if _secret(summit, i)
    ]
    blocks: list[Block] = []
    if said:
        blocks += [Heading("What may be said", 3), *said]
    if kept:
        blocks += [Heading("Not to be disclosed", 3), *kept]
    for made in (_earlier_commitments(setting), _commitments(setting), _open_actions(setting)):
        heading, table = made[0], made[-1]
        if isinstance(heading, Heading) and isinstance(table, Table):
            blocks += [Heading(heading.text, 3), table]
    return [Heading("Background"), *blocks] if blocks else []


def _handling(setting: _Setting) -> list[Block]:
    summit = setting.summit
    blocks: list[Block] = []
    if summit.handling:
        blocks.append(Paragraph(_flat(summit.handling)))
    withheld = [i.title for i in summit.agenda if is_sensitive(i)]
    if withheld:
        kept = "; ".join(withheld)
        blocks.append(Paragraph(f"Kept out of the external note and press notice: {kept}."))
    return [Heading("Handling"), *blocks] if blocks else []


def briefing_pack(summit_id: str, summit: Summit, register: Register, series: Series) -> Paper:
    """For the chair, before the day: internal, under the highest marking it holds."""
    setting = _setting(summit_id, summit, register, series, internal=True)
    blocks: list[Block] = [*_why(summit), *_objectives(setting)]
    blocks += [Heading("Logistics and agenda"), *_logistics(setting)]
    blocks += [Heading(b.text, 3) if isinstance(b, Heading) else b for b in _agenda_table(setting)]
    blocks += _whos_who(setting) + _points_to_make(setting)
    blocks += _background(setting) + _handling(setting)
    return Paper(
        PaperKind.BRIEF,
        f"{summit_id}-briefing-pack-internal",
        f"Briefing: {summit.title}",
        internal=True,
        marking=marking(summit, series),
        blocks=tuple(blocks),
    )
