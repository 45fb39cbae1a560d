"""What changed in the register: organisations and their delegates."""

from summit.model.changes.names import Names
from summit.model.changes.words import field_changes, quoted
from summit.model.register import Delegate, Organisation, Register


def describe_register_changes(old: Register | None, new: Register | None) -> list[str]:
    """Sentences saying how the register `old` became `new`."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        register = new or old
        assert register is not None
        people = sum(len(o.delegates) for o in register.organisations.values())
        verb = "created" if old is None else "deleted"
        return [f"register {verb}: {len(register.organisations)} organisations, {people} delegates"]
    lines: list[str] = []
    moved = _moved_delegates(old, new)
    for org_id, organisation in new.organisations.items():
        before = old.organisations.get(org_id)
        if before is None:
            lines.append(f"organisation added: {organisation.name} ({organisation.sector})")
            before = Organisation(name=organisation.name, sector=organisation.sector)
        else:
            lines += _organisation_fields(before, organisation)
        lines += _delegate_changes(before, organisation, moved, Names(new, old))
    for org_id, organisation in old.organisations.items():
        if org_id not in new.organisations:
            lines.append(f"organisation removed: {organisation.name}")
            gone = {d: x for d, x in organisation.delegates.items() if d not in moved}
            lines += [f"delegate removed: {d.name} ({organisation.name})" for d in gone.values()]
    return lines


def _organisation_fields(old: Organisation, new: Organisation) -> list[str]:
    lines = []
    if old.name != new.name:
        lines.append(f"organisation {quoted(old.name)} renamed {quoted(new.name)}")
    changes = field_changes(old, new, ("sector", "website", "notes"))
    if changes:
        lines.append(f"{new.name}: {', '.join(changes)}")
    return lines


def _moved_delegates(old: Register, new: Register) -> dict[str, tuple[str, str]]:
    """Delegate ids that changed organisation: id -> (old organisation id, new one)."""
    before, after = old.delegate_index(), new.delegate_index()
    return {d: (before[d], org) for d, org in after.items() if d in before and before[d] != org}


def _delegate_changes(
    old: Organisation, new: Organisation, moved: dict[str, tuple[str, str]], names: Names
) -> list[str]:
    lines = []
    for delegate_id, delegate in new.delegates.items():
        before = old.delegates.get(delegate_id)
        if delegate_id in moved:
            from_org = names.organisation(moved[delegate_id][0])
            lines.append(f"delegate {delegate.name} moved from {from_org} to {new.name}")
        elif before is None:
            lines.append(f"delegate added: {delegate.name} ({new.name}), {delegate.job_title}")
            continue
        if before is not None:
            lines += _delegate_fields(before, delegate, new.name)
    for delegate_id, delegate in old.delegates.items():
        if delegate_id not in new.delegates and delegate_id not in moved:
            lines.append(f"delegate removed: {delegate.name} ({old.name})")
    return lines


def _delegate_fields(old: Delegate, new: Delegate, org_name: str) -> list[str]:
    if old == new:
        return []
    changes = []
    if old.name != new.name:
        changes.append(f"renamed from {quoted(old.name)}")
    changes += field_changes(old, new, ("job_title", "email", "phone"))
    if old.minister != new.minister:
        changes.append("now marked as a minister" if new.minister else "no longer a minister")
    if old.personal != new.personal:
        # Personal data is for running the day only: say that it changed, never what it is.
        changes.append("access/dietary needs changed")
    return [f"{new.name} ({org_name}): {', '.join(changes)}"] if changes else []
