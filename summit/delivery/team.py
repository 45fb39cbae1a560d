"""A send as a team action: the outbox planned, claimed, sent and recorded through the remote.

`summit send --yes` and the app's Send both call `send_as_team`, so that the
two cannot disagree about when a colleague's send is seen (the git side is
summit.workflows.teamsend; this module joins it with the outbox and the relay).
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from summit.delivery.outbox import (
    Letter,
    Outbox,
    RecordFailed,
    Relay,
    SendReport,
    plan_outbox,
    record_recovered,
    send_outbox,
)
from summit.gitrepo.command import GitError
from summit.model.sent import Sent
from summit.model.wording import counted
from summit.store import Dataset, load_dataset
from summit.workflows.teamsend import TeamError, TeamSend, TeamUnreachable, claim_line

__all__ = ["TeamError", "TeamSent", "TeamUnreachable", "send_as_team"]

ATTEMPTS = 5
"""Claims tried before giving up, each after merging a colleague's claim that came first."""


@dataclass
class TeamSent:
    """What a team send did: planned, held back for colleagues, sent, committed."""

    outbox: Outbox | None = None
    """The outbox as planned after catching up, without what colleagues are sending."""
    report: SendReport | None = None
    """None when nothing was sent."""
    came_in: list[str] = field(default_factory=list)
    """Colleagues' commits merged before planning."""
    seen: list[str] = field(default_factory=list)
    """Organisations a colleague sent to since this clone last knew: not sent again."""
    held: list[str] = field(default_factory=list)
    """Colleagues' open claims (they are sending now): their organisations are left to them."""
    notes: list[str] = field(default_factory=list)
    """What became of the record: pushed, committed offline, or why not."""
    record_error: str | None = None
    """Sent, but the summit file could not record it (the journal holds it)."""


def send_as_team(
    dataset: Dataset,
    summit_id: str,
    connect: Callable[[], AbstractContextManager[Relay]],
    *,
    offline: bool = False,
    on_planned: Callable[[Outbox], None] | None = None,
    on_sent: Callable[[Letter], None] | None = None,
    plan: Callable[[Dataset, str], Outbox] = plan_outbox,
    on_sending: Callable[[int, int, Letter], None] | None = None,
) -> TeamSent:
    """Catch up with the remote, plan, claim, send through `connect()`'s relay, record, push.

    TeamError (nothing sent) when the data is not committed, a merge
    conflicts, or the remote cannot be reached without `offline`; RelayFailed
    when the relay cannot be reached (the claim is closed first). DataError and
    Unsendable from planning, as for `plan_outbox`. `plan` is what to send
    (`plan_outbox`; summit.delivery.reminders.plan_reminders for `summit remind`).
    """
    team = TeamSend(dataset.root, summit_id, offline=offline)
    before = dataset.summit_document(summit_id).record.sent
    result = TeamSent()
    dataset, box = _claimed(team, dataset, result, before=before, on_planned=on_planned, plan=plan)
    result.came_in = team.came_in
    if box is None:
        return result
    try:
        with connect() as relay:
            report = send_outbox(dataset, box, relay, on_sent=on_sent, on_sending=on_sending)
    except RecordFailed as failed:
        # The claim stays open: colleagues keep off these organisations until the
        # next send from this clone records them from its journal and closes it.
        result.report, result.record_error = failed.report, str(failed)
        return result
    except Exception:
        result.notes += team.done(f"Nothing sent for {summit_id}: the relay failed", [])
        raise
    result.report = report
    result.notes += team.done(_subject(summit_id, report), _sent_lines(report))
    return result


def _claimed(
    team: TeamSend,
    dataset: Dataset,
    result: TeamSent,
    *,
    before: dict[str, Sent],
    on_planned: Callable[[Outbox], None] | None,
    plan: Callable[[Dataset, str], Outbox],
) -> tuple[Dataset, Outbox | None]:
    """The data as merged, and the outbox once claimed; None when there is nothing to send."""
    summit_id = team.summit_id
    for _ in range(ATTEMPTS):
        if team.catch_up():
            dataset = load_dataset(dataset.root)
        box = result.outbox = plan(dataset, summit_id)
        if box.refusal is not None:
            return dataset, None
        now = dataset.summit_document(summit_id).record.sent
        result.seen = _names(dataset, [o for o, sent in now.items() if before.get(o) != sent])
        _hold_back(box, team, result)
        if not box.letters:
            if box.recovered:
                record_recovered(dataset, box)
                subject = f"Record {summit_id}: sent before an interruption"
                result.notes += team.done(subject, box.recovered)
            return dataset, None
        if on_planned is not None:
            on_planned(box)
        claimed = list(dict.fromkeys(letter.organisation_id for letter in box.letters))
        if team.claim(_planned_lines(box), claimed):
            return dataset, box
    raise TeamError(
        "colleagues kept pushing while this send was being claimed: nothing was sent; try again"
    )


def _names(dataset: Dataset, org_ids: list[str]) -> list[str]:
    register = dataset.register.record if dataset.register is not None else None
    return [register.describe(o) if register else o for o in org_ids]


def colleagues_sending(box: Outbox, root: Path) -> list[str]:
    """For a dry run: what colleagues claimed in the history here and have not recorded
    as sent; `--yes` catches up first and leaves those to them (see `_hold_back`)."""
    try:
        claims = TeamSend(root, box.summit_id, team=True).colleagues_claims()
    except GitError:  # not a repository, or no git: a send of one's own
        return []
    notes = []
    for claim in claims:
        names = [x.organisation for x in box.letters if x.organisation_id in claim.organisations]
        if names:
            notes.append(f"{claim_line(claim)}: {', '.join(names)}: --yes leaves them to them")
    return notes


def _hold_back(box: Outbox, team: TeamSend, result: TeamSent) -> None:
    """Leave what colleagues are sending now to them."""
    result.held = []
    for claim in team.colleagues_claims():
        mine = [letter for letter in box.letters if letter.organisation_id in claim.organisations]
        if mine:
            names = ", ".join(letter.organisation for letter in mine)
            result.held.append(f"{claim_line(claim)}: {names}")
            box.letters = [letter for letter in box.letters if letter not in mine]


def _planned_lines(box: Outbox) -> list[str]:
    return [
        f"- {letter.organisation}: {letter.kind}, SEQUENCE {letter.sequence}"
        for letter in box.letters
    ]


def _subject(summit_id: str, report: SendReport) -> str:
    subject = f"Sent {summit_id}: {counted(len(report.sent), 'message', 'messages')}"
    missed = len(report.failed) + len(report.not_sent)
    return subject + (f", {missed} not sent" if missed else "")


def _sent_lines(report: SendReport) -> list[str]:
    lines = [
        f"- {letter.organisation}: {letter.kind}, SEQUENCE {letter.sequence}"
        for letter in report.sent
    ]
    lines += [f"- not sent: {f.letter.organisation}: {f.reason}" for f in report.failed]
    lines += [f"- not sent: {letter.organisation}" for letter in report.not_sent]
    return lines
