"""Edits to one organisation of a register, as a colleague or the app makes them: what the
property tests of narrowed checks draw from."""

from hypothesis import strategies as st

from summit.model import Organisation, Register

KINDS = ["remove", "rename", "rename-person", "retitle-person", "drop-person", "add-person"]


def edits(orgs: list[str], people: list[str]) -> st.SearchStrategy[tuple[str, str, str]]:
    """(kind, organisation, person) triples."""
    return st.tuples(st.sampled_from(KINDS), st.sampled_from(orgs), st.sampled_from(people))


def with_edit(register: Register, edit: tuple[str, str, str]) -> Register:
    """`register` with one organisation changed, the others shared (as the app does it)."""
    kind, org_id, person = edit
    if kind == "remove":
        return register.with_organisation(org_id, None)
    current = register.organisations.get(org_id)
    data = current.to_data() if current else {"name": f"New {org_id}", "sector": "regulator"}
    delegates = data.setdefault("delegates", {})
    if kind == "rename":
        data["name"] += " (renamed)"
    elif kind == "rename-person" and delegates:
        delegates[person if person in delegates else next(iter(delegates))]["name"] += " (again)"
    elif kind == "retitle-person" and person in delegates:
        delegates[person]["job_title"] += " (acting)"
    elif kind == "drop-person":
        delegates.pop(person, None)
    elif kind == "add-person":
        delegates[person] = {"name": "New", "job_title": "Adviser", "email": "n@x.example"}
    return register.with_organisation(org_id, Organisation.model_validate(data))
