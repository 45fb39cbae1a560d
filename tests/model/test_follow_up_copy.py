"""Issue 19, item 1: a follow-up copies the plan of the earlier summit, not its record."""

from datetime import date, timedelta

from summit.model.follow_up import follow_up_data
from summit.model.summit import Summit
from summit.store import load_dataset
from tests.conftest import REPO, SAMPLE_SUMMIT


def test_the_follow_up_has_the_agenda_and_invitees_but_none_of_what_happened() -> None:
    source = load_dataset(REPO).summits[SAMPLE_SUMMIT].record
    data = follow_up_data(source, SAMPLE_SUMMIT, "next-one", today=date(2026, 11, 29))
    data.pop("id")
    copy = Summit.model_validate(data)
    assert copy.follows == SAMPLE_SUMMIT and copy.start == source.start + timedelta(weeks=52)
    assert [i.title for i in copy.agenda] == [i.title for i in source.agenda]
    assert set(copy.invitations) == set(source.invitations)
    assert all(not i.attended and not i.replied for i in copy.invitations.values())
    assert all(set(i.rsvp.values()) == {"needs-action"} for i in copy.invitations.values())
    assert all(item.summary is None and item.decisions is None for item in copy.agenda)
    assert (copy.actions, copy.commitments, copy.sent, copy.invite) == ([], [], {}, None)
    assert str(copy.status) == "draft"
