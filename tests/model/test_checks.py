from datetime import datetime

from summit.model import (
    AgendaItem,
    Delegate,
    Invitation,
    ItemKind,
    Organisation,
    Register,
    Severity,
    Summit,
    check_dataset,
)


def register() -> Register:
    def person(name: str) -> Delegate:
        return Delegate(name=name, job_title="Role", email=f"{name.lower()}@x.example.org")

    return Register(
        organisations={
            "dept": Organisation(
                name="Dept",
                sector="government",
                delegates={"chair": person("Chair"), "lead": person("Lead")},
            ),
            "acme": Organisation(name="Acme", sector="isp", delegates={"acme-ceo": person("Ceo")}),
        }
    )


def summit(**changes: object) -> Summit:
    fields: dict[str, object] = {
        "title": "T",
        "convener": "chair",
        "organiser": "lead",
        "start": datetime(2027, 1, 1, 9),
        "end": datetime(2027, 1, 1, 10),
        "venue": "V",
        "invitations": {"acme": Invitation(rsvp={"acme-ceo": "accepted"})},
        "agenda": [AgendaItem(title="Welcome", lead="chair", minutes=30)],
    }
    fields.update(changes)
    return Summit.model_validate(fields)


def messages(found: list, severity: Severity) -> list[str]:
    return [f.message for f in found if f.severity is severity]


def test_a_consistent_summit_has_no_findings() -> None:
    assert check_dataset(register(), {"s": summit()}) == []


def test_dangling_references_are_errors_naming_both_ends() -> None:
    bad = summit(
        convener="chiar",
        invitations={"acme": Invitation(rsvp={"chair": "accepted"}), "nobody": Invitation()},
    )
    found = check_dataset(register(), {"s": bad})
    errors = messages(found, Severity.ERROR)
    assert "delegate 'chiar' is not in the register (did you mean 'chair'?)" in errors
    assert "delegate 'chair' belongs to 'dept', not 'acme'" in errors
    assert "organisation 'nobody' is not in the register" in errors
    wrong_org = next(f for f in found if "belongs to" in f.message)
    assert wrong_org.where.summit == "s"
    assert wrong_org.see is not None and wrong_org.see.summit is None
    assert wrong_org.see.path == ("organisations", "dept", "delegates", "chair")


def test_planning_warnings() -> None:
    bad = summit(
        invitations={"acme": Invitation()},
        agenda=[
            AgendaItem(title="Talk", minutes=50),
            AgendaItem(title="Tea", minutes=20, kind=ItemKind.BREAK),
        ],
    )
    warnings = messages(check_dataset(register(), {"s": bad}), Severity.WARNING)
    assert warnings == [
        "Acme is invited but none of its delegates is",
        "agenda item 'Talk' has no lead",
        "the agenda runs 10 minutes past the planned end",
    ]


def test_delegate_ids_are_unique_across_the_register() -> None:
    reg = register()
    reg.organisations["acme"].delegates["chair"] = reg.organisations["dept"].delegates["chair"]
    errors = messages(check_dataset(reg, {}), Severity.ERROR)
    assert errors == ["delegate id 'chair' is already used in organisation 'dept'"]
