"""Property tests: whatever a user edits, a save reads back exactly and keeps every comment."""

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit.model import (
    Action,
    AgendaItem,
    Delegate,
    Invitation,
    Organisation,
    PersonalData,
    Register,
    Rsvp,
    Sector,
    Summit,
    SummitStatus,
)
from summit.model.dates import EARLIEST, LATEST
from summit.store import TomlDocument
from summit.store.document import full_data
from tests.conftest import REPO, SAMPLE_SUMMIT

# Cn: unassigned code points and the non-characters (U+FDD0, U+FFFE...), which the
# records refuse as they refuse control characters.
line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Cn", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
# Lines of a multi-line value never start with "#" here only so that `comments()` can
# find a file's comments by line; one-line values may hold any "#" and quotes.
multi_line_text = st.lists(
    line_text.filter(lambda s: not s.lstrip().startswith("#")), min_size=1, max_size=4
).map("\n".join)
slug = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,5})?", fullmatch=True)


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def edit_register(register: Register, data: st.DataObject) -> None:
    org_ids = list(register.organisations)
    for _ in range(data.draw(st.integers(1, 4))):
        org = register.organisations[data.draw(st.sampled_from(org_ids))]
        choice = data.draw(
            st.sampled_from(["rename", "notes", "add", "remove", "personal", "new-org"])
        )
        delegates = list(org.delegates)
        if choice == "rename":
            org.name = data.draw(line_text)
        elif choice == "notes":
            org.notes = data.draw(st.none() | multi_line_text)
        elif choice == "add":
            new_id = data.draw(slug.filter(lambda s: s not in register.delegate_index()))
            org.delegates[new_id] = Delegate(
                name=data.draw(line_text),
                job_title=data.draw(line_text),
                email=f"{new_id}@x.example.org",
            )
        elif choice == "remove" and delegates:
            del org.delegates[data.draw(st.sampled_from(delegates))]
        elif choice == "new-org":
            new_id = data.draw(slug.filter(lambda s: s not in register.organisations))
            register.organisations[new_id] = Organisation(
                name=data.draw(line_text),
                sector=data.draw(st.sampled_from(list(Sector))),
                delegates={
                    f"{new_id}-lead": Delegate(
                        name="Lead", job_title="Lead", email=f"lead@{new_id}.example.org"
                    )
                },
            )
        elif choice == "personal" and delegates:
            delegate = org.delegates[data.draw(st.sampled_from(delegates))]
            delegate.personal = data.draw(
                st.none() | st.builds(PersonalData, access_needs=st.none() | line_text)
            )


def shuffle(summit: Summit, data: st.DataObject) -> None:
    summit.agenda = data.draw(st.permutations(summit.agenda))


def set_minutes(summit: Summit, data: st.DataObject) -> None:
    if summit.agenda:
        item = data.draw(st.sampled_from(summit.agenda))
        item.minutes = data.draw(st.integers(1, 300))


def insert_item(summit: Summit, data: st.DataObject) -> None:
    item = AgendaItem(
        title=data.draw(line_text),
        minutes=data.draw(st.integers(1, 90)),
        notes=data.draw(st.none() | multi_line_text),
    )
    summit.agenda.insert(data.draw(st.integers(0, len(summit.agenda))), item)


def delete_item(summit: Summit, data: st.DataObject) -> None:
    if summit.agenda:
        summit.agenda.pop(data.draw(st.integers(0, len(summit.agenda) - 1)))


def reply(summit: Summit, data: st.DataObject) -> None:
    answered = [i for i in summit.invitations.values() if i.rsvp]
    if answered:
        invitation = data.draw(st.sampled_from(answered))
        who = data.draw(st.sampled_from(list(invitation.rsvp)))
        invitation.rsvp[who] = data.draw(st.sampled_from(list(Rsvp)))


def uninvite(summit: Summit, data: st.DataObject) -> None:
    if summit.invitations:
        del summit.invitations[data.draw(st.sampled_from(list(summit.invitations)))]


def invite(summit: Summit, data: st.DataObject) -> None:
    summit.invitations[data.draw(slug)] = Invitation(
        rsvp={data.draw(slug): data.draw(st.sampled_from(list(Rsvp)))}
    )


def purpose(summit: Summit, data: st.DataObject) -> None:
    summit.purpose = data.draw(st.none() | multi_line_text)


def add_action(summit: Summit, data: st.DataObject) -> None:
    summit.actions.append(
        Action(
            text=data.draw(multi_line_text),
            owner=data.draw(slug),
            due=data.draw(st.none() | st.dates(EARLIEST, LATEST)),
        )
    )


def status(summit: Summit, data: st.DataObject) -> None:
    summit.status = data.draw(st.sampled_from(list(SummitStatus)))


def move(summit: Summit, data: st.DataObject) -> None:
    summit.end = None
    # Well before the last day summit schedules, so that any agenda fits.
    summit.start = data.draw(st.datetimes(datetime(2000, 1, 1), datetime(2199, 1, 1)))


SUMMIT_EDITS = [
    shuffle,
    set_minutes,
    insert_item,
    delete_item,
    reply,
    uninvite,
    invite,
    purpose,
    add_action,
    status,
    move,
]


def edit_summit(summit: Summit, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 4))):
        data.draw(st.sampled_from(SUMMIT_EDITS))(summit, data)


def check_round_trip(name: str, model: type, edit, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.toml"
        shutil.copy(name, path)
        original = path.read_text()
        doc = TomlDocument.load(path, model)
        for _ in range(data.draw(st.integers(1, 3))):
            record = doc.record.model_copy(deep=True)
            edit(record, data)
            doc.save(record)
            again = TomlDocument.load(path, model).record
            assert full_data(again) == full_data(record)
        assert comments(path.read_text()) == comments(original)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_register_edits_read_back_and_keep_comments(data: st.DataObject) -> None:
    check_round_trip(str(REPO / "invitees.toml"), Register, edit_register, data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_summit_edits_read_back_and_keep_comments(data: st.DataObject) -> None:
    path = REPO / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    check_round_trip(str(path), Summit, edit_summit, data)
