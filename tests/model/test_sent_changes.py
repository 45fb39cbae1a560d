"""What `summit diff` and the app say when `summit send` recorded messages in a summit file."""

from datetime import UTC, datetime

from summit.model import Summit
from summit.model.changes import describe_summit_changes
from summit.model.sent import Sent, SentMethod
from summit.store import load_dataset
from tests.conftest import REPO, SAMPLE_SUMMIT


def sample() -> Summit:
    return load_dataset(REPO).summits[SAMPLE_SUMMIT].record


def sent(sequence: int, method: SentMethod = SentMethod.REQUEST) -> Sent:
    at = datetime(2026, 12, 1, 10, tzinfo=UTC)
    return Sent(sequence=sequence, method=method, at=at, details="a" * 16, agenda="b" * 16)


def test_sent_records_are_described_grouped_by_what_went() -> None:
    old = sample()
    orgs = list(old.invitations)
    first = old.model_copy(update={"sent": {org: sent(0) for org in orgs}})
    assert describe_summit_changes(old, first) == [
        "sent the invitation (SEQUENCE 0) to home-office, google, yahoo, microsoft, facebook, "
        "twitter and 6 more"
    ]
    update = {**first.sent, "google": sent(1)}
    cancel = {**update, "yahoo": sent(1, SentMethod.CANCEL)}
    second = first.model_copy(update={"sent": cancel})
    assert describe_summit_changes(first, second) == [
        "sent an update (SEQUENCE 1) to google",
        "sent the cancellation (SEQUENCE 1) to yahoo",
    ]
    assert describe_summit_changes(second, second) == []
