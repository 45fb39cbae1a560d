"""Rich renderings of the data for people at a terminal."""

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summit.cli.long_table import LongTable
from summit.cli.output import problem_line, shown, styled
from summit.cli.plain_report import more_details
from summit.model import Register, Rsvp, Summit, dates
from summit.model.coming import coming_and_past
from summit.model.replies import reply_note
from summit.model.schedule import agenda_end, planned_end, schedule, total_minutes
from summit.store import Dataset, Problem
from summit.store.gc_pause import paused_gc

_RSVP_STYLE = {
    Rsvp.ACCEPTED: "green",
    Rsvp.DECLINED: "red",
    Rsvp.TENTATIVE: "yellow",
    Rsvp.DELEGATED: "cyan",
    Rsvp.NEEDS_ACTION: "dim",
}


def _heading(summit_id: str, summit: Summit, register: Register) -> Panel:
    when = f"{summit.start:%A %d %B %Y, %H:%M} ({summit.timezone})"
    lines = [
        f"{when} · {summit.venue}",
        f"Convened by {register.describe(summit.convener)}; "
        f"invites sent by {register.describe(summit.organiser)}",
        f"Status: {summit.status} · {summit.classification}",
        *(f"{label}: {value}" for label, value in more_details(summit)),
    ]
    # A Panel reads a str title as markup, so the id goes in as Text.
    return Panel(
        Group(styled(summit.title, "bold"), "\n".join(lines)),
        title=styled(summit_id),
        title_align="left",
    )


# Beyond this many items rich's Table, which measures every cell for its column widths
# (about 4 ms an item), gives way to a LongTable: the same box, drawn in linear time,
# though its columns may share the width a little differently when cells wrap.
LONG_AGENDA = 100


def _agenda(summit: Summit, register: Register) -> Table | LongTable:
    describe = register.describer()
    rows = []
    for slot in schedule(summit):
        item = slot.item
        lead = describe(item.lead) if item.lead else ""
        kind = "dim italic" if item.kind == "break" else ""
        when = f"{slot.start:%H:%M}–{slot.end:%H:%M}"
        rows.append(((when, ""), (item.title, kind), (lead, ""), (str(item.minutes), "")))
    end = agenda_end(summit)
    planned = planned_end(summit)
    caption = f"{total_minutes(summit)} minutes, ending {end:%H:%M}"
    if planned is not None:
        caption += f"; planned end {planned:%H:%M}"
    if len(rows) > LONG_AGENDA:
        long = LongTable("Agenda", _AGENDA_HEADERS, right=_MINUTES, no_wrap=_TIME, caption=caption)
        for row in rows:
            long.add_row(*row)
        return long
    table = Table(title="Agenda", title_justify="left", expand=True, caption=caption)
    table.caption_justify = "left"
    table.add_column("Time", no_wrap=True)
    table.add_column("Item")
    table.add_column("Lead")
    table.add_column("Min", justify="right")
    for (when, _), (title, style), (lead, _), (minutes, _) in rows:
        table.add_row(when, styled(title, style), lead, minutes)
    return table


_AGENDA_HEADERS = ["Time", "Item", "Lead", "Min"]
_TIME, _MINUTES = frozenset({0}), frozenset({3})


_CAME = {True: "yes", False: "no", None: ""}


def _invitees(summit: Summit, register: Register) -> LongTable:
    counts = summit.rsvp_counts()
    summary = ", ".join(f"{count} {reply}" for reply, count in counts.items() if count)
    # Thousands of rows: a LongTable draws them in linear time (rich's Table does not).
    # Once attendance is recorded (after the day), who came is shown beside the reply.
    came = any(invitation.attended for invitation in summit.invitations.values())
    headers = ["Organisation", "Delegate", "Reply", *(["Came"] * came)]
    table = LongTable(f"Invitees ({summary})", headers)
    for org_id, invitation in summit.invitations.items():
        organisation = register.organisations.get(org_id)
        org_name = organisation.name if organisation else org_id
        if invitation.attendance == "optional":
            org_name += " (optional)"
        for delegate_id, reply in invitation.rsvp.items() or [("", None)]:
            delegate = organisation.delegates.get(delegate_id) if organisation else None
            name = delegate.name if delegate else delegate_id
            note = reply_note(invitation, delegate_id)
            words = f"{reply} {note}" if note else str(reply)
            shown_reply = (words, _RSVP_STYLE[reply]) if reply else ("", "")
            attended = invitation.attended.get(delegate_id)
            shown_came = [(_CAME[attended], "")] * came
            table.add_row((org_name, ""), (name, ""), shown_reply, *shown_came)
            org_name = ""
    return table


def _outputs(summit: Summit, register: Register) -> Table:
    table = Table(title="Outputs", title_justify="left", expand=True)
    # The text of an action takes most of the width; the short columns never wrap.
    table.add_column("Kind", no_wrap=True)
    table.add_column("Who", ratio=1)
    table.add_column("What", ratio=2)
    table.add_column("Due", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    describe = register.describer()
    for action in summit.actions:
        due = f"{action.due:%d %b %Y}" if action.due else ""
        table.add_row("action", describe(action.owner), action.text, due, action.status)
    for commitment in summit.commitments:
        due = f"{commitment.due:%d %b %Y}" if commitment.due else ""
        who = describe(commitment.organisation)
        table.add_row("commitment", who, commitment.text, due, commitment.status)
    return table


def render_summit(
    out: Console, summit_id: str, summit: Summit, register: Register, problems: list[Problem]
) -> None:
    parts: list[object] = [
        _heading(summit_id, summit, register),
        _agenda(summit, register),
        _invitees(summit, register),
    ]
    if summit.actions or summit.commitments:
        parts.append(_outputs(summit, register))
    # Tables and boxes wrap words to the width (COLUMNS, else the terminal's, else 80
    # when piped); the console's soft wrap is for plain lines and would cut them.
    # Every part is drawn to the width already, so the console's cropping (which splits
    # all the rows' segments into lines again) is not needed; nor are garbage
    # collections scanning those segments while tens of thousands of rows are drawn.
    with paused_gc():
        out.print(Group(*parts), soft_wrap=False, crop=False)  # type: ignore[arg-type]
    for org_id, sent in summit.sent.items():
        if sent.refused:  # the relay refused them: the next `summit send` retries them alone
            who = ", ".join(sent.refused)
            out.print(f"not delivered yet: {org_id}: {who} (the relay refused)", markup=False)
    for problem in problems:
        out.print(problem_line(problem), style="red" if problem.is_error else "yellow")


def _overview_row(table: Table, summit_id: str, summit: Summit) -> None:
    counts = summit.rsvp_counts()
    table.add_row(
        Text.assemble(styled(summit_id, "bold"), "\n", styled(summit.title)),
        f"{summit.start:%Y-%m-%d %H:%M}",
        summit.status,
        f"{counts[Rsvp.ACCEPTED]} of {sum(counts.values())}",
    )


def render_overview(out: Console, dataset: Dataset) -> None:
    out.print(f"Data: {shown(dataset.root)}")
    table = Table(title="Summits", title_justify="left", expand=True)
    # The id heads its title in one column that takes the width the others leave,
    # so at 80 columns a title reads on a line or two; dates, states and counts
    # never wrap (cut in two they read wrongly).
    table.add_column("Summit", ratio=1)
    table.add_column("Start", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Accepted", justify="right", no_wrap=True)
    summits = {summit_id: doc.record for summit_id, doc in dataset.summits.items()}
    coming, past = coming_and_past({key: s.start for key, s in summits.items()}, dates.today())
    for summit_id in coming:
        _overview_row(table, summit_id, summits[summit_id])
    if coming and past:
        table.add_section()  # a rule between what is coming and what is past
    for summit_id in past:
        _overview_row(table, summit_id, summits[summit_id])
    out.print(table, soft_wrap=False)
    for problem in dataset.problems:
        out.print(problem_line(problem), style="red" if problem.is_error else "yellow")
    out.print("Run `summit show SUMMIT_ID` for one summit, `summit validate` to check the data.")
