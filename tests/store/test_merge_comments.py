"""Hand-written comments and blank lines survive every three-way merge, once, where they were."""

from pathlib import Path

import pytest
import tomli

from summit.model import Register, Summit
from summit.store.merge import conflict_text, merge_texts
from tests.store.test_merge import REGISTER, SAMPLE, WHERE, changed

CLOSING = 'lead = "secretary-of-state"\nminutes = 20'
COFFEE = '[[agenda]]\ntitle = "Coffee"'
COFFEE_NOTE = "# coffee served in the Board Room next door"
VENUE = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "held"'
FACEBOOK = 'facebook-policy = "needs-action"'


def merge(ours: str, theirs: str, base: str = SAMPLE, **kwargs: object) -> str:
    result = merge_texts(base, ours, theirs, model=Summit, path=WHERE, **kwargs)  # type: ignore[arg-type]
    assert result.text is not None, result.report(str(WHERE))
    assert result.record == Summit.model_validate(tomli.loads(result.text))
    return result.text


def alice_comments_coffee_and_closing() -> str:
    return changed(
        SAMPLE,
        (COFFEE, f"{COFFEE_NOTE}\n{COFFEE}"),
        (CLOSING, 'lead = "secretary-of-state"\nminutes = 25  # SoS asked for 25'),
    )


def test_a_conflict_keeps_the_other_sides_comments_in_the_conflicted_file() -> None:
    theirs = alice_comments_coffee_and_closing()
    ours = changed(SAMPLE, (CLOSING, 'lead = "secretary-of-state"\nminutes = 10'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert not result.clean
    text = conflict_text(SAMPLE, ours, theirs, model=Summit, path=WHERE, result=result)
    # Outside the conflict, once; inside it, on both versions of the line.
    assert text.count(COFFEE_NOTE) == 1
    assert text.index(COFFEE_NOTE) < text.index('title = "Coffee"')
    assert "minutes = 10  # SoS asked for 25\n=======\nminutes = 25  # SoS asked for 25\n" in text


@pytest.mark.parametrize("choice", ["ours", "theirs"])
def test_settling_a_conflict_either_way_keeps_both_sides_comments(choice: str) -> None:
    theirs = alice_comments_coffee_and_closing()
    ours = changed(SAMPLE, (CLOSING, 'lead = "secretary-of-state"\nminutes = 10'))
    where = "agenda 'Agreed actions and next steps'.minutes"
    text = merge(ours, theirs, choices={where: choice})
    minutes = "10" if choice == "ours" else "25"
    assert text == changed(
        SAMPLE,
        (COFFEE, f"{COFFEE_NOTE}\n{COFFEE}"),
        (CLOSING, f'lead = "secretary-of-state"\nminutes = {minutes}  # SoS asked for 25'),
    )


def test_a_clean_merge_keeps_a_comment_of_the_side_that_also_changed_data() -> None:
    alice = changed(
        SAMPLE,
        ('[[agenda]]\ntitle = "Welcome', '# chair to open on time\n[[agenda]]\ntitle = "Welcome'),
        (FACEBOOK, 'facebook-policy = "accepted"'),
    )
    bob = changed(
        SAMPLE,
        (VENUE, VENUE.replace("Room 1", "Room 5")),
        (CLOSING, 'lead = "secretary-of-state"\nminutes = 25'),
    )
    expected = changed(
        SAMPLE,
        ('[[agenda]]\ntitle = "Welcome', '# chair to open on time\n[[agenda]]\ntitle = "Welcome'),
        (FACEBOOK, 'facebook-policy = "accepted"'),
        (VENUE, VENUE.replace("Room 1", "Room 5")),
        (CLOSING, 'lead = "secretary-of-state"\nminutes = 25'),
    )
    assert merge(bob, alice) == expected
    assert merge(alice, bob) == expected


def test_a_comment_above_a_top_level_key_never_moves_into_a_table_summit_writes() -> None:
    alice = changed(SAMPLE, (VENUE, f"# venue booked by Jo\n{VENUE}"), (FACEBOOK, FACEBOOK + "  "))
    alice = changed(alice, (FACEBOOK + "  ", 'facebook-policy = "accepted"'))
    bob = changed(SAMPLE, (CLOSING, 'lead = "secretary-of-state"\nminutes = 25'))
    text = merge(bob, alice)
    assert text.count("# venue booked by Jo") == 1
    issued = text.index("[invite.issued]")
    assert text.index("# venue booked by Jo\nvenue = ") < issued


def test_both_sides_commenting_one_place_keep_both_comments_once() -> None:
    alice = changed(SAMPLE, (COFFEE, f"# Alice: tea too\n{COFFEE}"), (FACEBOOK, FACEBOOK))
    alice = changed(alice, (FACEBOOK, 'facebook-policy = "accepted"'))
    bob = changed(SAMPLE, (COFFEE, f"# Bob: biscuits\n{COFFEE}"))
    bob = changed(bob, (VENUE, VENUE.replace("Room 1", "Room 5")))
    text = merge(bob, alice)
    assert f"# Bob: biscuits\n# Alice: tea too\n{COFFEE}" in text


def test_trailing_comments_changed_on_both_sides_are_both_kept() -> None:
    alice = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 15  # a'))
    alice = changed(alice, (FACEBOOK, 'facebook-policy = "accepted"'))
    bob = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 15  # b'))
    bob = changed(bob, (VENUE, VENUE.replace("Room 1", "Room 5")))
    assert "minutes = 15  # b  # a\n" in merge(bob, alice)


def test_a_comment_one_side_removed_stays_removed() -> None:
    banner = "# ── Outputs ──"
    assert banner in SAMPLE
    line = next(line for line in SAMPLE.splitlines() if line.startswith(banner))
    alice = changed(SAMPLE, (line + "\n", ""), (FACEBOOK, 'facebook-policy = "accepted"'))
    bob = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 5")))
    assert banner not in merge(bob, alice)
    assert banner not in merge(alice, bob)


def test_a_comment_on_an_item_the_other_side_deleted_moves_to_the_next_item() -> None:
    alice = changed(SAMPLE, (COFFEE, f"{COFFEE_NOTE}\n{COFFEE}"))
    alice = changed(alice, (FACEBOOK, 'facebook-policy = "accepted"'))
    bob = changed(SAMPLE, ('[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 15\n\n', ""))
    text = merge(bob, alice)
    assert 'title = "Coffee"' not in text
    assert f'{COFFEE_NOTE}\n[[agenda]]\ntitle = "Family-friendly' in text


def test_comments_stay_with_their_item_when_the_other_side_reorders() -> None:
    alice = changed(SAMPLE, (COFFEE, f"{COFFEE_NOTE}\n{COFFEE}"))
    alice = changed(alice, (FACEBOOK, 'facebook-policy = "accepted"'))
    coffee_block = '[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 15\n\n'
    bob = changed(SAMPLE, (coffee_block, ""))
    bob = changed(
        bob, ('[[agenda]]\ntitle = "Welcome', coffee_block + '[[agenda]]\ntitle = "Welcome')
    )
    text = merge(bob, alice)
    assert f"{COFFEE_NOTE}\n{COFFEE}" in text
    assert text.index('title = "Coffee"') < text.index('title = "Welcome')


def test_a_crlf_file_takes_the_other_sides_comments_in_crlf() -> None:
    base = SAMPLE.replace("\n", "\r\n")
    alice = changed(SAMPLE, (COFFEE, f"{COFFEE_NOTE}\n{COFFEE}"))
    alice = changed(alice, (FACEBOOK, 'facebook-policy = "accepted"')).replace("\n", "\r\n")
    bob = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 5"))).replace("\n", "\r\n")
    text = merge(bob, alice, base=base)
    assert f"{COFFEE_NOTE}\r\n[[agenda]]" in text
    assert "\n" not in text.replace("\r\n", "")


def test_register_comments_of_both_sides_survive() -> None:
    google = '[organisations.google]\nname = "Google"'
    assert REGISTER.count(google) == 1
    alice = changed(
        REGISTER,
        (
            f'{google}\nsector = "search"',
            f'# main contact changed in May\n{google}\nsector = "search"  # and ads',
        ),
    )
    bob = changed(REGISTER, (google, google.replace('"Google"', '"Google UK"')))
    result = merge_texts(REGISTER, bob, alice, model=Register, path=Path("invitees.toml"))
    assert result.text is not None
    assert '# main contact changed in May\n[organisations.google]\nname = "Google UK"' in (
        result.text
    )
    assert 'sector = "search"  # and ads' in result.text
