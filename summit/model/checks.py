"""Checks that span records: references between files, and planning warnings.

Each finding names where it is (a key path in the register or in a summit) and,
for a reference, the other end, so that storage can turn both into file:line.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from summit.model import dates
from summit.model.attendance_checks import attendance_ahead, attendance_when_cancelled
from summit.model.clock import clock_change_warning
from summit.model.invite import what_attendees_see
from summit.model.register import Register
from summit.model.schedule import overrun_minutes
from summit.model.series import follows_problem
from summit.model.severity import Severity as Severity  # noqa: PLC0414 (re-export)
from summit.model.suggest import did_you_mean
from summit.model.summit import ItemKind, Summit

KeyPath = tuple[str | int, ...]

_UNSENT_WORDS = {
    "start": "start",
    "end": "end",
    "timezone": "time zone",
    "venue": "venue",
    "status": "status",
}


@dataclass(frozen=True, slots=True)
class Where:
    """A key path inside the register (summit is None) or inside one summit."""

    summit: str | None
    path: KeyPath

    def __reduce__(self) -> tuple[type["Where"], tuple[str | None, KeyPath]]:
        # Rebuilt by its constructor when unpickled: slotted dataclasses otherwise go
        # through a generic __setstate__, which made the kept checks of 1,000 summits
        # slower to read than to work out again.
        return (Where, (self.summit, self.path))


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    where: Where
    message: str
    see: Where | None = None

    def __reduce__(self) -> tuple[type["Finding"], tuple[object, ...]]:
        return (Finding, (self.severity, self.where, self.message, self.see))


def check_register(register: Register) -> Iterator[Finding]:
    """Delegate ids are referenced on their own, so they must be unique register-wide."""
    first_seen: dict[str, str] = {}
    for org_id, organisation in register.organisations.items():
        for delegate_id in organisation.delegates:
            owner = first_seen.setdefault(delegate_id, org_id)
            if owner != org_id:
                yield Finding(
                    Severity.ERROR,
                    Where(None, ("organisations", org_id, "delegates", delegate_id)),
                    f"delegate id {delegate_id!r} is already used in organisation {owner!r}",
                    see=Where(None, ("organisations", owner, "delegates", delegate_id)),
                )


class _SummitChecker:
    def __init__(
        self,
        summit_id: str,
        summit: Summit,
        register: Register,
        delegates: dict[str, str],
        broken: frozenset[str] = frozenset(),
    ) -> None:
        self.summit_id = summit_id
        self.summit = summit
        self.register = register
        self.delegates = delegates
        # Ids of register records that exist but did not validate: their own error is
        # reported where they are, so references to them are not reported again.
        self.broken = broken

    def here(self, *path: str | int) -> Where:
        return Where(self.summit_id, path)

    def error(self, path: KeyPath, message: str, see: KeyPath | None) -> Finding:
        return Finding(
            Severity.ERROR,
            Where(self.summit_id, path),
            message,
            None if see is None else Where(None, see),
        )

    def named(self, delegate_id: str) -> str:
        """`Name (Organisation)` of a registered delegate, found through the index:
        Register.describe scans every organisation, which 1,000 summits times 1,000
        organisations made the slowest part of loading."""
        organisation = self.register.organisations[self.delegates[delegate_id]]
        return f"{organisation.delegates[delegate_id].name} ({organisation.name})"

    def missing_delegate(self, path: KeyPath, delegate_id: str) -> Finding:
        hint = did_you_mean(delegate_id, self.delegates)
        return self.error(
            path,
            f"delegate {delegate_id!r} is not in the register{hint}",
            ("organisations",),
        )

    def missing_organisation(self, path: KeyPath, org_id: str) -> Finding:
        hint = did_you_mean(org_id, self.register.organisations)
        return self.error(path, f"organisation {org_id!r} is not in the register{hint}", None)

    def people(self) -> Iterator[Finding]:
        for role in ("convener", "organiser"):
            delegate_id = getattr(self.summit, role)
            if delegate_id not in self.delegates and delegate_id not in self.broken:
                yield self.missing_delegate((role,), delegate_id)

    def invitations(self) -> Iterator[Finding]:
        for org_id, invitation in self.summit.invitations.items():
            organisation = self.register.organisations.get(org_id)
            if organisation is None:
                if org_id not in self.broken:
                    yield self.missing_organisation(("invitations", org_id), org_id)
                continue
            if not invitation.rsvp:
                yield Finding(
                    Severity.WARNING,
                    self.here("invitations", org_id),
                    f"{organisation.name} is invited but none of its delegates is",
                )
            for delegate_id in invitation.rsvp:
                if delegate_id in organisation.delegates or delegate_id in self.broken:
                    continue
                path = ("invitations", org_id, "rsvp", delegate_id)
                actual = self.delegates.get(delegate_id)
                if actual is None:
                    yield self.missing_delegate(path, delegate_id)
                else:
                    yield self.error(
                        path,
                        f"delegate {delegate_id!r} belongs to {actual!r}, not {org_id!r}",
                        ("organisations", actual, "delegates", delegate_id),
                    )

    def agenda(self) -> Iterator[Finding]:
        for index, item in enumerate(self.summit.agenda):
            if item.lead is None:
                if item.kind is ItemKind.SESSION:
                    yield Finding(
                        Severity.WARNING,
                        self.here("agenda", index),
                        f"agenda item {item.title!r} has no lead",
                    )
            elif (
                item.lead not in self.delegates
                and item.lead not in self.register.organisations
                and item.lead not in self.broken
            ):
                choices = {**self.delegates, **self.register.organisations}
                yield self.error(
                    ("agenda", index, "lead"),
                    f"lead {item.lead!r} is neither a delegate nor an organisation in the "
                    f"register{did_you_mean(item.lead, choices)}",
                    ("organisations",),
                )
            elif item.lead in self.delegates and item.lead not in self._attending:
                yield Finding(
                    Severity.WARNING,
                    self.here("agenda", index, "lead"),
                    f"{self.named(item.lead)} leads {item.title!r} but is not invited",
                )
        late = overrun_minutes(self.summit)
        if late:
            yield Finding(
                Severity.WARNING,
                self.here("end"),
                f"the agenda runs {late} minutes past the planned end",
            )

    @cached_property
    def _attending(self) -> set[str]:
        invited = {d for invitation in self.summit.invitations.values() for d in invitation.rsvp}
        return invited | {self.summit.convener, self.summit.organiser}

    def unsent(self) -> Iterator[Finding]:
        """Attendees hold an invite the summit no longer matches: the update is not sent yet."""
        state = self.summit.invite
        if state is None:
            return
        now = what_attendees_see(self.summit)
        changed = [
            _UNSENT_WORDS[name]
            for name in _UNSENT_WORDS
            if getattr(state.issued, name) != getattr(now, name)
        ]
        if changed:
            yield Finding(
                Severity.WARNING,
                self.here("invite"),
                f"changes not yet sent: the {' and '.join(changed)} changed since invites "
                f"were sent (SEQUENCE {state.sequence}); export and send the update "
                f"(SEQUENCE {state.sequence + 1})",
            )

    def clock(self) -> Iterator[Finding]:
        warning = clock_change_warning(self.summit.start, self.summit.timezone)
        if warning is not None:
            yield Finding(Severity.WARNING, self.here("start"), warning)

    def outputs(self) -> Iterator[Finding]:
        yield from self._output_dates()
        for index, action in enumerate(self.summit.actions):
            if not self._known_organisation(action.owner):
                yield self.missing_organisation(("actions", index, "owner"), action.owner)
        for index, commitment in enumerate(self.summit.commitments):
            if not self._known_organisation(commitment.organisation):
                path = ("commitments", index, "organisation")
                yield self.missing_organisation(path, commitment.organisation)

    def _output_dates(self) -> Iterator[Finding]:
        """Dates that are most likely slips: the papers say what was agreed, and when."""
        # An action due before the summit is no slip: preparing for it is one.
        today = dates.today()
        for index, commitment in enumerate(self.summit.commitments):
            if commitment.agreed > today:
                yield Finding(
                    Severity.WARNING,
                    self.here("commitments", index, "agreed"),
                    f"agreed on {commitment.agreed:%d %b %Y}, a day still to come",
                )
            if commitment.due is not None and commitment.due < commitment.agreed:
                yield Finding(
                    Severity.WARNING,
                    self.here("commitments", index, "due"),
                    f"due {commitment.due:%d %b %Y}, before it was agreed on "
                    f"{commitment.agreed:%d %b %Y}",
                )

    def _known_organisation(self, org_id: str) -> bool:
        # Looked up, not a union of every id: that set was built for each summit
        # (1,000 summits and 1,000 organisations: 12 ms of a first start).
        return org_id in self.register.organisations or org_id in self.broken

    def attendance(self) -> Iterator[Finding]:
        found = [
            *attendance_ahead(self.summit, dates.today(), self.here),
            *attendance_when_cancelled(self.summit, self.here),
        ]
        for severity, where, message in found:
            assert isinstance(where, Where)
            yield Finding(severity, where, message)

    def all(self) -> Iterator[Finding]:
        yield from self.people()
        yield from self.invitations()
        yield from self.agenda()
        yield from self.clock()
        yield from self.unsent()
        yield from self.outputs()
        yield from self.attendance()


def check_summit(
    summit_id: str,
    summit: Summit,
    register: Register,
    delegates: dict[str, str] | None = None,
    broken: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every reference from the summit into the register, and planning warnings.

    `delegates` is the register's delegate index, passed in when checking many
    summits so it is built once. `broken` names register records that exist
    but are invalid (left out of `register`): references to them are fine here.
    """
    index = register.delegate_index() if delegates is None else delegates
    return list(_SummitChecker(summit_id, summit, register, index, broken).all())


def check_series(
    summits: Mapping[str, Summit], unloaded: frozenset[str] = frozenset()
) -> Iterator[Finding]:
    """Each `follows` names another summit, and no series runs round in a loop.

    `unloaded` names summit files that exist but did not load: following one is fine here.
    """
    for summit_id, summit in summits.items():
        target = summit.follows
        if target is None:
            continue
        where = Where(summit_id, ("follows",))
        if target not in summits and target not in unloaded and target != summit_id:
            known = [s for s in summits if s != summit_id]
            message = f"follows {target!r}, which is not a summit{did_you_mean(target, known)}"
            yield Finding(Severity.ERROR, where, message)
            continue
        problem = follows_problem(summit_id, summits)
        if problem is not None:
            yield Finding(Severity.ERROR, where, problem)


@dataclass(frozen=True)
class DatasetChecks:
    """What `check_dataset` finds, by what it checked: an editor rechecks only what changed."""

    register: list[Finding]
    summits: dict[str, list[Finding]]
    """Each summit's own findings (check_summit), in the order of the summits."""
    series: list[Finding]

    def all(self) -> list[Finding]:
        """In check_dataset's order: the register, each summit, then the series."""
        found = list(self.register)
        for findings in self.summits.values():
            found.extend(findings)
        return found + self.series


def check_dataset_by_part(
    register: Register,
    summits: Mapping[str, Summit],
    broken: frozenset[str] = frozenset(),
    unloaded: frozenset[str] = frozenset(),
) -> DatasetChecks:
    delegates = register.delegate_index()
    return DatasetChecks(
        list(check_register(register)),
        {
            summit_id: check_summit(summit_id, summit, register, delegates, broken)
            for summit_id, summit in summits.items()
        },
        list(check_series(summits, unloaded)),
    )


def check_dataset(
    register: Register,
    summits: Mapping[str, Summit],
    broken: frozenset[str] = frozenset(),
    unloaded: frozenset[str] = frozenset(),
) -> list[Finding]:
    return check_dataset_by_part(register, summits, broken, unloaded).all()
