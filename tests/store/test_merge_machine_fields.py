"""What summit writes itself (`[sent.*]`, `[invite]`, recorded replies) merges by rule:
two colleagues' versions never make a conflict for a person to settle."""

import tomli

from summit.model import Summit
from summit.store.merge import merge_texts
from tests.store.test_merge import SAMPLE, WHERE, changed, merged

ISSUED = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "CONFIRMED"'


def sent(org_id: str, sequence: int, at: str, method: str = "REQUEST") -> str:
    return (
        f'\n[sent.{org_id}]\nsequence = {sequence}\nmethod = "{method}"\nat = {at}\n'
        f'details = "d{sequence}"\nagenda = "a{sequence}"\n'
    )


def test_both_sides_sent_merges_clean_with_the_union_the_later_at_and_the_higher_sequence() -> None:
    base = (
        SAMPLE + sent("google", 0, "2026-12-01T09:00:00Z") + sent("bt", 0, "2026-12-01T09:00:00Z")
    )
    # Ours raised the SEQUENCE and sent Google and Yahoo; theirs sent Google (earlier) and BT.
    ours = changed(base, ("sequence = 0\n\n[invite.issued]", "sequence = 1\n\n[invite.issued]"))
    ours = changed(
        ours, ('Conference Room 1"\nstatus = "CONFIRMED"', 'Room 4"\nstatus = "CONFIRMED"')
    )
    ours = changed(
        ours, (sent("google", 0, "2026-12-01T09:00:00Z"), sent("google", 1, "2026-12-02T10:00:05Z"))
    )
    ours += sent("yahoo", 1, "2026-12-02T10:00:06Z")
    theirs = changed(
        base, (sent("google", 0, "2026-12-01T09:00:00Z"), sent("google", 0, "2026-12-02T09:59:00Z"))
    )
    theirs = changed(
        theirs, (sent("bt", 0, "2026-12-01T09:00:00Z"), sent("bt", 0, "2026-12-02T09:59:01Z"))
    )
    result = merge_texts(base, ours, theirs, model=Summit, path=WHERE)
    assert result.conflicts == [] and result.text is not None, result.report(str(WHERE))
    summit = Summit.model_validate(tomli.loads(result.text))
    assert set(summit.sent) == {"google", "bt", "yahoo"}  # the union
    assert summit.sent["google"].sequence == 1  # the later `at` wins, whole
    assert summit.sent["google"].at.isoformat() == "2026-12-02T10:00:05+00:00"
    assert summit.sent["bt"].at.isoformat() == "2026-12-02T09:59:01+00:00"
    assert summit.invite is not None and summit.invite.sequence == 1  # the higher SEQUENCE
    assert summit.invite.issued.venue.endswith("Room 4")  # with what it issued
    # The same merge the other way round gives the same records.
    other = merged(theirs, ours, base)
    assert other.sent == summit.sent and other.invite == summit.invite


def test_a_sent_record_deleted_on_one_side_is_kept() -> None:
    base = SAMPLE + sent("google", 0, "2026-12-01T09:00:00Z")
    ours = changed(base, (sent("google", 0, "2026-12-01T09:00:00Z"), ""))
    theirs = changed(
        base, (sent("google", 0, "2026-12-01T09:00:00Z"), sent("google", 1, "2026-12-03T09:00:00Z"))
    )
    assert merged(ours, theirs, base).sent["google"].sequence == 1


def test_one_sequence_issued_differently_on_both_sides_becomes_the_next() -> None:
    ours = changed(SAMPLE, ("sequence = 0\n\n[invite.issued]", "sequence = 1\n\n[invite.issued]"))
    ours = changed(ours, (ISSUED, ISSUED.replace("Room 1", "Room 4")))
    theirs = changed(SAMPLE, ("sequence = 0\n\n[invite.issued]", "sequence = 1\n\n[invite.issued]"))
    theirs = changed(theirs, (ISSUED, ISSUED.replace("Room 1", "Room 7")))
    summit = merged(ours, theirs)
    assert summit.invite is not None
    assert summit.invite.sequence == 2 and summit.invite.issued.venue.endswith("Room 4")


def test_recorded_replies_merge_to_the_newer_and_rsvp_follows() -> None:
    def replied(reply: str, sequence: int, stamp: str) -> str:
        return (
            f'\n[invitations.google.replied.google-policy]\nreply = "{reply}"\n'
            f"sequence = {sequence}\nstamp = {stamp}\n"
        )

    anchor = "[invitations.google.attended]"
    ours = changed(SAMPLE, (anchor, replied("declined", 0, "2026-12-02T08:00:00Z") + "\n" + anchor))
    ours = changed(
        ours,
        ('google-policy = "accepted"\ngoogle-trust', 'google-policy = "declined"\ngoogle-trust'),
    )
    theirs = changed(
        SAMPLE, (anchor, replied("tentative", 0, "2026-12-02T09:00:00Z") + "\n" + anchor)
    )
    theirs = changed(
        theirs,
        ('google-policy = "accepted"\ngoogle-trust', 'google-policy = "tentative"\ngoogle-trust'),
    )
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.conflicts == [], result.report(str(WHERE))
    summit = merged(ours, theirs)
    google = summit.invitations["google"]
    assert google.replied["google-policy"].reply == "tentative"  # the newer stamp
    assert google.rsvp["google-policy"] == "tentative"


def test_two_different_uids_stay_a_conflict() -> None:
    ours = changed(SAMPLE, ('uid = "93c1', 'uid = "aaaa'))
    theirs = changed(SAMPLE, ('uid = "93c1', 'uid = "bbbb'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert [c.where for c in result.conflicts] == ["invite.uid"]


def test_a_withdrawal_on_one_side_and_a_reminder_on_the_other_are_both_kept() -> None:
    """Both update one send's record without a new `at`: the merge kept one side whole,
    so either the reminder's day was lost or the withdrawn address came back into `to`
    and would be sent its CANCEL again (found reviewing this stop's changes)."""
    record = sent("google", 0, "2026-12-01T09:00:00Z")
    both = 'to = ["daniel.reyes@google.example.org", "meilin.carter@google.example.org"]\n'
    base = SAMPLE + record + both
    ours = changed(base, (both, both + "reminded = 2026-12-05T09:00:00Z\n"))
    theirs = changed(base, (both, 'to = ["daniel.reyes@google.example.org"]\n'))
    for one, other in ((ours, theirs), (theirs, ours)):
        google = merged(one, other, base).sent["google"]
        assert google.to == ["daniel.reyes@google.example.org"]
        assert google.reminded is not None and google.reminded.day == 5
