"""Which summits' findings a change to the register can alter.

A summit's findings look the register up only by the ids the summit names
(`_SummitChecker` in summit.model.checks): whether an organisation it invites,
owns an action or made a commitment is there, and whether a delegate it names
(convener, organiser, lead, invitee) is, and in which organisation. Of what
they find there, only names are shown: an invited organisation's, and a lead's
with their organisation's. So after a change, a summit finds what it found
unless it names an id that came, went or moved, or shows a name that changed.
Except for an error: a reference to an id the register lacks says which known
id it may have meant, chosen among them all, so a summit with an error is
always checked again. (tests/test_workspace_checks.py and
tests/store/test_checks_after_pull.py hold the narrowed checks to the full ones.)
"""

from collections.abc import Mapping
from dataclasses import dataclass

from summit.model.checks import DatasetChecks, Finding, Severity, check_register, check_summit
from summit.model.register import Organisation, Register
from summit.model.summit import Summit


@dataclass(frozen=True)
class RegisterChange:
    """What a change to the register can alter in a summit's findings."""

    moved: frozenset[str]
    """Ids that came, went or changed organisation: whether and where they are."""
    renamed: frozenset[str]
    """Ids whose shown name changed: an organisation (and so its people, as a lead is
    shown with it), a delegate."""

    def __bool__(self) -> bool:
        return bool(self.moved or self.renamed)


def register_change(before: Register, after: Register) -> RegisterChange:
    """What changed between two versions of the register, told by the records that were
    replaced (records are never changed in place: the same one is unchanged)."""
    old, new = before.organisations, after.organisations
    moved: set[str] = set()
    renamed: set[str] = set()
    for org_id in old.keys() | new.keys():
        was, now = old.get(org_id), new.get(org_id)
        if was is now:
            continue
        if was is None or now is None:
            moved.add(org_id)
            moved.update(_people(was, now))
            continue
        moved.update(was.delegates.keys() ^ now.delegates.keys())
        if was.name != now.name:
            renamed.add(org_id)
            renamed.update(_people(was, now))
        for delegate_id, delegate in now.delegates.items():
            earlier = was.delegates.get(delegate_id)
            if earlier is not None and earlier is not delegate and earlier.name != delegate.name:
                renamed.add(delegate_id)
    return RegisterChange(frozenset(moved), frozenset(renamed))


def _people(*organisations: Organisation | None) -> set[str]:
    return {d for organisation in organisations if organisation for d in organisation.delegates}


def named_ids(summit: Summit) -> set[str]:
    """Every register id the summit names, as the checks look them up."""
    named = {summit.convener, summit.organiser}
    for org_id, invitation in summit.invitations.items():
        named.add(org_id)
        named.update(invitation.rsvp)
    named.update(item.lead for item in summit.agenda if item.lead is not None)
    named.update(action.owner for action in summit.actions)
    named.update(commitment.organisation for commitment in summit.commitments)
    return named


def shown_ids(summit: Summit) -> set[str]:
    """The register ids whose names the summit's findings may show."""
    return set(summit.invitations) | {item.lead for item in summit.agenda if item.lead}


def still_holds(summit: Summit, findings: list[Finding], change: RegisterChange) -> bool:
    """Whether the summit's findings hold after `change` to the register."""
    if any(finding.severity is Severity.ERROR for finding in findings):
        return False
    if change.moved and not change.moved.isdisjoint(named_ids(summit)):
        return False
    return not change.renamed or change.renamed.isdisjoint(shown_ids(summit))


def register_findings_after(
    before: list[Finding], change: RegisterChange, register: Register
) -> list[Finding]:
    """What `check_register` finds after `change`, given what it found before. The
    register's own check is of delegate ids used twice: when none was and no id came,
    went or moved, the same ids are in the same organisations, still once each."""
    if not before and not change.moved:
        return []
    return list(check_register(register))


def checks_after_change(
    before: DatasetChecks,
    register_before: Register,
    register: Register,
    summits: Mapping[str, Summit],
    broken: frozenset[str] = frozenset(),
) -> DatasetChecks:
    """What checking everything finds after a change to the register alone: `before` is
    what it found with `register_before` and these very summits (and broken records)."""
    change = register_change(register_before, register)
    delegates: dict[str, str] | None = None
    found: dict[str, list[Finding]] = {}
    for summit_id, summit in summits.items():
        kept = before.summits.get(summit_id)
        if kept is not None and still_holds(summit, kept, change):
            found[summit_id] = kept
            continue
        if delegates is None:
            delegates = register.delegate_index()
        found[summit_id] = check_summit(summit_id, summit, register, delegates, broken)
    return DatasetChecks(
        register_findings_after(before.register, change, register), found, before.series
    )
