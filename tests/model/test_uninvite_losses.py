"""What uninviting would throw away, in plain words: replies, attendance, an invitation sent."""

from datetime import UTC, datetime

from summit.model import Register, Summit
from summit.model.invite_state import InviteState
from summit.model.replies import ask_again
from summit.model.sent import Sent, SentMethod
from summit.model.uninvite import uninviting_loses
from summit.store import load_dataset
from tests.conftest import REPO, SAMPLE_SUMMIT


def sample() -> tuple[Summit, Register]:
    dataset = load_dataset(REPO)
    return dataset.summits[SAMPLE_SUMMIT].record, dataset.register.record


def sent_to(summit: Summit, org_id: str, method: SentMethod = SentMethod.REQUEST) -> Summit:
    at = datetime(2026, 11, 20, 9, tzinfo=UTC)
    record = Sent(sequence=0, method=method, at=at, details="a" * 16, agenda="b" * 16)
    return summit.model_copy(update={"sent": {**summit.sent, org_id: record}})


def test_an_organisation_with_replies_and_attendance_names_both() -> None:
    summit, register = sample()
    loss = uninviting_loses(summit, register, "google")
    assert loss.anything
    assert loss.describe() == (
        "Google: 2 replies (accepted, tentative) and attendance recorded for 2 people will be lost."
    )


def test_one_delegate_with_a_reply_and_attendance() -> None:
    summit, register = sample()
    loss = uninviting_loses(summit, register, "google", "google-policy")
    assert loss.who == "Daniel Reyes (Google)"
    assert loss.describe() == (
        "Daniel Reyes (Google): 1 reply (accepted) and attendance recorded for 1 person "
        "will be lost."
    )


def test_a_recorded_absence_is_attendance_too() -> None:
    summit, register = sample()  # Twitter declined and did not come
    assert uninviting_loses(summit, register, "twitter").describe() == (
        "Twitter: 1 reply (declined) and attendance recorded for 1 person will be lost."
    )


def test_nothing_to_lose_when_nobody_answered_and_nothing_was_sent() -> None:
    summit, register = sample()  # Facebook: needs-action, no attendance, no `sent`
    loss = uninviting_loses(summit, register, "facebook")
    assert not loss.anything
    assert loss.describe() == ""
    assert not uninviting_loses(summit, register, "facebook", "facebook-policy").anything


def test_an_answer_to_an_earlier_time_counts_as_a_reply() -> None:
    summit, register = sample()
    assert summit.invite is not None
    moved = ask_again(summit, summit.invite.sequence)
    moved = moved.model_copy(
        update={
            "invite": InviteState(uid=summit.invite.uid, sequence=1, issued=summit.invite.issued)
        }
    )
    assert moved.invitations["facebook"].rsvp["facebook-policy"] == "needs-action"
    assert uninviting_loses(moved, register, "pipcu").replies == ["tentative to an earlier time"]


def test_an_organisation_sent_the_invitation_must_be_told() -> None:
    summit, register = sample()
    summit = sent_to(summit, "facebook")
    loss = uninviting_loses(summit, register, "facebook")
    assert loss.anything
    assert loss.describe() == (
        "Facebook was sent the invitation on 20 Nov 2026 and holds it in their calendars: "
        "summit send sends only to invited people, so tell them yourself."
    )
    one = uninviting_loses(summit, register, "facebook", "facebook-policy").describe()
    assert one.startswith("Facebook was sent the invitation on 20 Nov 2026, so ")
    assert "may hold it" in one


def test_a_cancellation_sent_last_leaves_nothing_to_take_back() -> None:
    summit, register = sample()
    summit = sent_to(summit, "facebook", SentMethod.CANCEL)
    assert not uninviting_loses(summit, register, "facebook").anything


def test_replies_and_a_sent_invitation_are_both_named() -> None:
    summit, register = sample()
    text = uninviting_loses(sent_to(summit, "google"), register, "google").describe()
    assert text.splitlines()[0].startswith("Google: 2 replies (accepted, tentative)")
    assert text.splitlines()[1].startswith("Google was sent the invitation")


def test_a_record_naming_who_holds_it_says_the_next_send_cancels_it() -> None:
    summit, register = sample()
    summit = sent_to(summit, "facebook")
    record = summit.sent["facebook"].model_copy(
        update={"to": ["oliver.grant@facebook.example.org"]}
    )
    summit = summit.model_copy(update={"sent": {**summit.sent, "facebook": record}})
    told = uninviting_loses(summit, register, "facebook").describe()
    assert told == (
        "Facebook was sent the invitation on 20 Nov 2026 and holds it in their calendars: "
        "the next summit send sends them a cancellation for it."
    )
    one = uninviting_loses(summit, register, "facebook", "facebook-policy").describe()
    assert one.startswith("Oliver Grant (Facebook) was sent the invitation on 20 Nov 2026")
    assert "tell them yourself" not in one
