"""The FOI bundle: everything held about one meeting, for the officer answering a request.

Requests for a published meeting ask for its agenda, briefing, minutes and the
correspondence after it. The bundle puts all of it in one internal file: a
schedule first (each record and its proposed handling), then the papers and
records, each with the exemption its `foi` key proposes beside it, and every
e-mail address and phone number marked for redaction (s40). It releases nothing:
the officer decides, and consults a company before relying on s43 for it.
"""

import re
from dataclasses import replace

from summit.model import Action, AgendaItem, Commitment, Register, Summit
from summit.model.foi import Exemption
from summit.model.sensitivity import is_sensitive
from summit.papers.brief import briefing_pack
from summit.papers.content import Series, marking, meeting_note, press_notice
from summit.papers.document import Block, Bullets, Heading, Paper, PaperKind, Paragraph, Table

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()-]{5,}\d")


def redacted(text: str) -> str:
    """`text` with each e-mail address and phone number marked for redaction under s40."""
    text = _EMAIL.sub(lambda m: f"[s40 redact: {m.group(0)}]", text)
    return _PHONE.sub(
        lambda m: (
            f"[s40 redact: {m.group(0)}]"
            if sum(c.isdigit() for c in m.group(0)) >= 9
            else m.group(0)
        ),
        text,
    )


def _marked(block: Block) -> Block:
    if isinstance(block, Heading):
        return Heading(redacted(block.text), min(block.level + 1, 4))
    if isinstance(block, Paragraph):
        return Paragraph(redacted(block.text), block.label)
    if isinstance(block, Bullets):
        return Bullets(tuple(redacted(item) for item in block.items))
    rows = tuple(tuple(redacted(cell) for cell in row) for row in block.rows)
    return Table(block.header, rows)


def _handling(record: Summit | AgendaItem | Action | Commitment, org: str | None = None) -> str:
    if record.foi is Exemption.S43 and org:
        return f"withhold under {record.foi.meaning}: {org}"
    if record.foi is not None:
        return f"withhold under {record.foi.meaning}"
    if not isinstance(record, Summit) and is_sensitive(record):
        return "review: OFFICIAL-SENSITIVE, no exemption proposed"
    return "release"


def _foi(record: Summit | AgendaItem | Action | Commitment) -> str:
    return str(record.foi) if record.foi else ""


def _paper(paper: Paper, heading: str) -> list[Block]:
    return [Heading(heading), *(_marked(block) for block in paper.blocks)]


def _invitations(summit: Summit, register: Register) -> list[Block]:
    rows = []
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        name = organisation.name if organisation else org_id
        sent = summit.sent.get(org_id)
        when = (
            f"{sent.method} {sent.sequence}, {sent.at:%d %B %Y %H:%M} UTC" if sent else "not sent"
        )
        for delegate_id, reply in invitation.rsvp.items():
            person = organisation.delegates.get(delegate_id) if organisation else None
            who = f"{person.name} <{person.email}>" if person else delegate_id
            rows.append((redacted(who), name, when, str(reply)))
    header = ("Invitee", "Organisation", "Invitation sent", "Reply")
    return [Heading("Invitations sent and replies"), Table(header, tuple(rows))] if rows else []


def _records(summit: Summit, register: Register) -> list[Block]:
    def org(org_id: str) -> str:
        found = register.organisations.get(org_id)
        return found.name if found else org_id

    agenda = tuple((redacted(i.title), i.kind.value, _foi(i)) for i in summit.agenda)
    actions = tuple(
        (redacted(a.text), org(a.owner), str(a.status), _foi(a)) for a in summit.actions
    )
    commitments = tuple(
        (org(c.organisation), redacted(c.text), str(c.status), _foi(c)) for c in summit.commitments
    )
    blocks: list[Block] = []
    if agenda:
        blocks += [Heading("Agenda"), Table(("Item", "Kind", "FOI"), agenda)]
    if actions:
        blocks += [Heading("Actions"), Table(("Action", "Owner", "Status", "FOI"), actions)]
    if commitments:
        header = ("Organisation", "Commitment", "Status", "FOI")
        blocks += [Heading("Commitments"), Table(header, commitments)]
    return blocks


def _schedule(summit: Summit, register: Register) -> Table:
    def org(org_id: str) -> str:
        found = register.organisations.get(org_id)
        return found.name if found else org_id

    paper = _handling(summit)
    rows: list[tuple[str, ...]] = [
        ("Briefing pack (internal)", _foi(summit), paper),
        ("Note of the meeting (internal)", _foi(summit), paper),
        ("Press notice", "", "s21 once published on GOV.UK; otherwise release"),
        ("Invitations sent and replies", "s40", "release with personal data redacted (s40)"),
    ]
    rows += [(f"Agenda item: {i.title}", _foi(i), _handling(i)) for i in summit.agenda]
    rows += [(f"Action: {a.text}", _foi(a), _handling(a)) for a in summit.actions]
    rows += [
        (f"Commitment: {c.text}", _foi(c), _handling(c, org(c.organisation)))
        for c in summit.commitments
    ]
    cleaned = tuple(tuple(redacted(" ".join(cell.split())) for cell in row) for row in rows)
    return Table(("Record", "Proposed exemption", "Proposed handling"), cleaned)


def foi_bundle(summit_id: str, summit: Summit, register: Register, series: Series) -> Paper:
    """Everything held about the meeting, for the FOI officer to review; it releases nothing."""
    intro = (
        "Everything held about this meeting, for the FOI officer to review. Nothing here is "
        "released by this file. Each record shows the exemption proposed for it (s35 policy, "
        "s40 personal data, s43 commercial interests: consult the company); e-mail addresses "
        "and phone numbers are marked for redaction under s40."
    )
    brief = briefing_pack(summit_id, summit, register, series)
    note = meeting_note(summit_id, summit, register, series, internal=True)
    press = press_notice(summit_id, summit, register, series)
    blocks: list[Block] = [Paragraph(intro), Heading("Schedule"), _schedule(summit, register)]
    blocks += _records(summit, register) + _invitations(summit, register)
    blocks += _paper(brief, "Briefing pack") + _paper(note, "Note of the meeting")
    blocks += _paper(press, "Press notice")
    paper = Paper(
        PaperKind.FOI,
        f"{summit_id}-foi-bundle-internal",
        f"FOI bundle: {summit.title}",
        internal=True,
        marking=marking(summit, series),
    )
    return replace(paper, blocks=tuple(blocks))
