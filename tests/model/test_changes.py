"""The plain-English change between two versions of a summit or of the register."""

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit.model import (
    Action,
    ActionStatus,
    AgendaItem,
    Classification,
    CommitmentStatus,
    Delegate,
    Invitation,
    PersonalData,
    Register,
    Rsvp,
    Summit,
)
from summit.model.changes import (
    Names,
    describe_register_changes,
    describe_summit_changes,
    raises_sequence,
)
from summit.model.invite import issue
from summit.model.schedule import schedule
from summit.store import load_dataset

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample() -> tuple[Summit, Register]:
    dataset = load_dataset(REPO)
    assert dataset.register is not None
    return dataset.summits["online-safety-summit"].record, dataset.register.record


@pytest.fixture
def summit(sample: tuple[Summit, Register]) -> Summit:
    return sample[0].model_copy(deep=True)


@pytest.fixture
def names(sample: tuple[Summit, Register]) -> Names:
    return Names(sample[1])


def changes(old: Summit, new: Summit, names: Names) -> list[str]:
    return describe_summit_changes(old, new, names)


def test_nothing_changed_says_nothing(summit: Summit, names: Names) -> None:
    assert changes(summit, summit.model_copy(deep=True), names) == []


def test_a_reply_names_the_organisation_person_and_both_replies(
    summit: Summit, names: Names
) -> None:
    new = summit.model_copy(deep=True)
    new.invitations["google"].rsvp["google-policy"] = "needs-action"  # type: ignore[assignment]
    assert changes(new, summit, names) == ["Google: Daniel Reyes accepted (was needs-action)"]


def test_a_moved_item_gives_its_times_before_and_after_and_later_items_are_retimed(
    summit: Summit, names: Names
) -> None:
    new = summit.model_copy(deep=True)
    agenda = list(new.agenda)
    agenda.insert(1, agenda.pop(3))  # Coffee straight after the welcome
    new.agenda = agenda
    assert changes(summit, new, names) == [
        "agenda 'Coffee': moved to 09:45–10:00 (was 11:00–11:15)",
        "agenda 'The scale of child-abuse imagery online': now 10:00–10:30 (was 09:45–10:15)",
        "agenda 'Blocking and removing imagery: search and hosting': "
        "now 10:30–11:15 (was 10:15–11:00)",
    ]


def test_minutes_renames_additions_and_removals_of_agenda_items(
    summit: Summit, names: Names
) -> None:
    new = summit.model_copy(deep=True)
    new.agenda[-1].minutes = 25
    new.agenda[0].title = "Welcome"
    new.agenda.pop(3)
    new.agenda.append(AgendaItem(title="Lunch", kind="break", minutes=30))  # type: ignore[arg-type]
    lines = changes(summit, new, names)
    assert lines[0] == "agenda 'Welcome': renamed from 'Welcome and purpose of the day'"
    assert (
        "agenda 'Agreed actions and next steps': now 12:15–12:40 (was 12:30–12:50), "
        "25 minutes (was 20)" in lines
    )
    assert "agenda 'Lunch' added at 12:40–13:10" in lines
    assert lines[-1] == "agenda 'Coffee' removed (was 11:00–11:15)"


def test_an_item_edited_in_place_says_which_fields(summit: Summit, names: Names) -> None:
    new = summit.model_copy(deep=True)
    new.agenda[2].lead = "google-policy"
    new.agenda[2].notes = "Ask for dates."
    assert changes(summit, new, names) == [
        "agenda 'Blocking and removing imagery: search and hosting': "
        "led by Daniel Reyes (Google) (was Mark Davies (Child Exploitation and Online Protection "
        "Centre (CEOP))), notes now 'Ask for dates.' "
        "(was 'Ask Google, Microsoft and Yahoo for a date for splash-page warnings.')"
    ]


def test_actions_closed_reopened_added_and_commitments_met(summit: Summit, names: Names) -> None:
    # As the file stood before the day's outputs were closed (the sample has them done now).
    summit.actions[0].status = ActionStatus.OPEN
    summit.commitments[0].status = CommitmentStatus.OPEN
    new = summit.model_copy(deep=True)
    new.actions[0].status = ActionStatus.DONE
    new.actions.append(Action(text="Book the room.", owner="dcms", due=date(2027, 1, 10)))
    new.commitments[0].status = CommitmentStatus.MET
    assert changes(summit, new, names) == [
        "action closed (done): "
        "'Circulate a note of the summit and the agreed commitments to all attendees.'",
        "action added: 'Book the room.' (Department for Culture, Media and Sport, due 2027-01-10)",
        "commitment met (was open): Google: "
        "'Show deterrence warnings on searches that seek child-abuse imagery.'",
    ]
    assert changes(new, summit, names)[0].startswith("action reopened: 'Circulate")


def test_invitations_added_and_withdrawn(summit: Summit, names: Names) -> None:
    new = summit.model_copy(deep=True)
    del new.invitations["twitter"]
    new.invitations["google"].rsvp.pop("google-trust-safety")
    new.invitations["ofcom"] = Invitation(rsvp={"ofcom-director": "needs-action"})  # type: ignore[dict-item]
    lines = changes(summit, new, names)
    assert lines == [
        "Google: Mei Lin Carter no longer invited",
        "ofcom invited (ofcom-director)",
        "Twitter no longer invited",
    ]


def test_venue_time_and_status_changes_raise_the_sequence(summit: Summit, names: Names) -> None:
    assert summit.invite is not None and summit.invite.sequence == 0
    moved = summit.model_copy(deep=True)
    moved.venue = "Lancaster House"
    moved.start = datetime(2027, 1, 21, 9, 30)
    moved.end = datetime(2027, 1, 21, 13, 0)
    lines = changes(summit, moved, names)
    assert lines[0] == "start now 2027-01-21 09:30 (was 2026-01-20 09:30)"
    assert lines[1] == "end now 2027-01-21 13:00 (was 2026-01-20 13:00)"
    assert lines[2] == (
        "venue now 'Lancaster House' (was '100 Parliament Street, London SW1A 2BQ: "
        "Conference Room 1')"
    )
    assert lines[-1] == "attendees will see this: the next export raises the invite's SEQUENCE to 1"
    assert raises_sequence(summit, moved)


def test_agenda_and_reply_changes_do_not_raise_the_sequence(summit: Summit, names: Names) -> None:
    new = summit.model_copy(deep=True)
    new.agenda[0].minutes = 5
    new.invitations["twitter"].rsvp["twitter-policy"] = "accepted"  # type: ignore[assignment]
    assert not raises_sequence(summit, new)
    assert not any("SEQUENCE" in line for line in changes(summit, new, names))


def test_an_export_says_the_sequence_went_up(summit: Summit, names: Names) -> None:
    moved = summit.model_copy(deep=True)
    moved.venue = "Lancaster House"
    sent = issue(moved, lambda: "unused")
    assert changes(moved, sent, names) == [
        "invite exported again (SEQUENCE 1, was 0)",
        "11 replies asked again for the new time (the earlier answers are kept)",
    ]


def test_a_reply_recorded_then_asked_again_in_one_change_is_said(
    summit: Summit, names: Names
) -> None:
    """Facebook accepted, then the venue moved and the invite went out again, in one commit:
    rsvp is needs-action on both sides, yet an answer came and is kept as history."""
    replied = summit.model_copy(deep=True)
    replied.invitations["facebook"].rsvp["facebook-policy"] = Rsvp.ACCEPTED
    replied.venue = "Lancaster House"
    sent = issue(replied, lambda: "unused")
    assert sent.invitations["facebook"].rsvp["facebook-policy"] is Rsvp.NEEDS_ACTION
    lines = changes(summit, sent, names)
    assert (
        "Facebook: Oliver Grant accepted for an earlier time (SEQUENCE 0); "
        "asked again for the new time"
    ) in lines
    # An answer the old version already showed is the "asked again" count, not a new reply.
    moved = summit.model_copy(deep=True)
    moved.venue = "Lancaster House"
    assert not any("earlier time" in line for line in changes(moved, issue(moved, str), names))


def test_created_and_deleted_summits(summit: Summit, names: Names) -> None:
    created = describe_summit_changes(None, summit, names)
    assert created == [
        "summit created: 'Summit on child-abuse imagery, filtering and copyright online' "
        "on 2026-01-20 09:30 at 100 Parliament Street, London SW1A 2BQ: Conference Room 1"
    ]
    assert describe_summit_changes(summit, None, names)[0].startswith("summit deleted:")


def test_the_register_delegates_and_organisations(sample: tuple[Summit, Register]) -> None:
    old = sample[1]
    new = old.model_copy(deep=True)
    google = new.organisations["google"]
    google.name = "Alphabet"
    google.delegates["google-policy"].job_title = "Vice President, Policy"
    google.delegates["google-new"] = Delegate(
        name="Ada Park", job_title="Counsel", email="ada@google.example.org"
    )
    del new.organisations["yahoo"].delegates["yahoo-policy"]
    twitter = new.organisations["twitter"].delegates.pop("twitter-policy")
    new.organisations["facebook"].delegates["twitter-policy"] = twitter
    assert describe_register_changes(old, new) == [
        "organisation 'Google' renamed 'Alphabet'",
        "Daniel Reyes (Alphabet): job title now 'Vice President, Policy' "
        "(was 'Director of Public Policy, UK')",
        "delegate added: Ada Park (Alphabet), Counsel",
        "delegate removed: Chris Bell (Yahoo)",
        "delegate Jess Moreno moved from Twitter to Facebook",
    ]


def test_personal_data_is_said_to_change_without_its_values(
    sample: tuple[Summit, Register],
) -> None:
    old = sample[1]
    new = old.model_copy(deep=True)
    person = new.organisations["google"].delegates["google-trust-safety"]
    person.personal = PersonalData(dietary_needs="Vegan", access_needs="Step-free access")
    lines = describe_register_changes(old, new)
    assert lines == ["Mei Lin Carter (Google): access/dietary needs changed"]
    assert not any("Veg" in line or "Step" in line for line in lines)


@given(order=st.permutations(range(7)), longer=st.integers(0, 6), extra=st.integers(1, 60))
@settings(max_examples=60, deadline=None)
def test_any_reordering_names_exactly_the_items_whose_place_or_time_changed(
    sample: tuple[Summit, Register], order: list[int], longer: int, extra: int
) -> None:
    old = sample[0]
    new = old.model_copy(deep=True)
    new.agenda = [new.agenda[i] for i in order]
    new.agenda[longer].minutes += extra
    lines = describe_summit_changes(old, new, Names(sample[1]))
    assert lines == describe_summit_changes(old, new, Names(sample[1]))  # deterministic
    old_times = {s.item.title: (s.start, s.end) for s in schedule(old)}
    described = {line.split("'")[1] for line in lines}
    changed = {s.item.title for s in schedule(new) if old_times[s.item.title] != (s.start, s.end)}
    moved = {line.split("'")[1] for line in lines if "moved to" in line}
    # An item that changed place is said to move even if its times came out the same.
    assert described == changed | moved | {new.agenda[longer].title}
    assert len(moved) == len(order) - _longest_increasing(order)  # the fewest moves


def _longest_increasing(values: list[int]) -> int:
    best = [1] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


def test_a_move_that_keeps_the_time_says_so(summit: Summit, names: Names) -> None:
    new = summit.model_copy(deep=True)
    new.agenda[5], new.agenda[6] = new.agenda[6], new.agenda[5]
    new.agenda[0].minutes += 35  # the item moved up lands where it was
    assert changes(summit, new, names)[1:3] == [
        "agenda 'The scale of child-abuse imagery online': now 10:20–10:50 (was 09:45–10:15)",
        "agenda 'Blocking and removing imagery: search and hosting': "
        "now 10:50–11:35 (was 10:15–11:00)",
    ]
    assert changes(summit, new, names)[-2:] == [
        "agenda 'Agreed actions and next steps': moved to 12:30–12:50 (same time as before)",
        "agenda 'Copyright infringement and illegal sites': now 12:50–13:25 (was 11:55–12:30)",
    ]


def test_issue_10_attendance_summaries_and_markings_are_said() -> None:
    old = Summit.model_validate(
        {
            "title": "T",
            "convener": "a",
            "organiser": "a",
            "start": datetime(2027, 1, 20, 9, 30),
            "venue": "V",
            "invitations": {"google": {"rsvp": {"g": "accepted"}}},
            "agenda": [{"id": "i1", "title": "Item", "minutes": 10}],
            "actions": [{"id": "a1", "text": "Do it", "owner": "google"}],
        }
    )
    new = old.model_copy(deep=True)
    new.invitations["google"] = Invitation(rsvp={"g": Rsvp.ACCEPTED}, attended={"g": True})
    new.agenda[0].summary = "Said."
    new.agenda[0].classification = Classification.OFFICIAL_SENSITIVE
    new.actions[0].classification = Classification.OFFICIAL_SENSITIVE
    lines = describe_summit_changes(old, new)
    assert lines == [
        "google: g: attended (was not recorded)",
        "agenda 'Item': summary now Said. (was none), "
        "classification now OFFICIAL-SENSITIVE (was none)",
        "action 'Do it': classification now OFFICIAL-SENSITIVE (was none)",
    ]


@pytest.mark.parametrize(
    ("where", "said"),
    [
        (
            "organisations.iwf.delegates.iwf-chief-executive.email",
            "Helen Marsh (Internet Watch Foundation): email",
        ),
        ("organisations.google.name", "Google: name"),
        ("organisations.google", "Google"),
        ("invitations.google.rsvp.google-policy", "Daniel Reyes (Google): rsvp"),
        ("agenda 'Coffee. Tea'.minutes", "agenda 'Coffee. Tea'.minutes"),
        ("organisations.unknown-org.sector", "unknown-org: sector"),
    ],
)
def test_a_merge_conflict_is_named_as_people_read_it(names: Names, where: str, said: str) -> None:
    """The settling screen labelled rows with raw key paths, where the rest of the app
    says names (found working as two officials)."""
    assert names.place(where) == said
