"""The pure three-way merge of data file texts: records by identity, lists by item."""

import time
from pathlib import Path

import pytest
import tomli

from summit.model import Register, Summit
from summit.store import DataError, TomlDocument
from summit.store.merge import conflict_text, merge_texts
from tests.conftest import REPO, SAMPLE_SUMMIT

SAMPLE = (REPO / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
REGISTER = (REPO / "invitees.toml").read_text()
WHERE = Path("agendas/x.toml")
GOOGLE = 'name = "Google"\nsector = "search"'
VENUE = 'Conference Room 1"\nstatus = "held"'
COFFEE = '[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 15\n\n'


def changed(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def merged(ours: str, theirs: str, base: str = SAMPLE) -> Summit:
    result = merge_texts(base, ours, theirs, model=Summit, path=WHERE)
    assert result.text is not None, result.report(str(WHERE))
    return Summit.model_validate(tomli.loads(result.text))


def test_different_fields_of_one_record_merge() -> None:
    ours = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 5")))
    theirs = changed(SAMPLE, ('title = "Summit on', 'title = "The summit on'))
    summit = merged(ours, theirs)
    assert summit.venue.endswith("Room 5")
    assert summit.title.startswith("The summit on")


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    both = changed(SAMPLE, ("minutes = 45", "minutes = 40"))
    ours = changed(both, ('twitter-policy = "declined"', 'twitter-policy = "accepted"'))
    summit = merged(ours, both)
    assert summit.agenda[2].minutes == 40
    assert summit.invitations["twitter"].rsvp["twitter-policy"] == "accepted"


def test_the_result_keeps_ours_text_and_comments() -> None:
    ours = changed(SAMPLE, ("# ── Agenda ──", "# ── Agenda (draft 3) ──"))
    ours = changed(ours, (VENUE, VENUE.replace("Room 1", "Room 5")))
    theirs = changed(SAMPLE, ('facebook-policy = "needs-action"', 'facebook-policy = "declined"'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    expected = changed(ours, ('facebook-policy = "needs-action"', 'facebook-policy = "declined"'))
    assert result.text == expected


def test_one_side_unchanged_takes_the_other_text_exactly() -> None:
    theirs = changed(SAMPLE, ("# rsvp: needs-action", "# replies: needs-action"))
    assert merge_texts(SAMPLE, SAMPLE, theirs, model=Summit, path=WHERE).text == theirs


def test_a_field_changed_differently_is_a_conflict_named_per_field() -> None:
    ours = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20'))
    theirs = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.text is None
    assert result.report("agendas/x.toml") == [
        "agendas/x.toml: agenda 'Coffee'.minutes: base 15, ours 20, theirs 30"
    ]


def test_deleted_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    ours = changed(SAMPLE, (COFFEE, ""))
    theirs = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.report("agendas/x.toml") == [
        "agendas/x.toml: agenda 'Coffee': deleted by ours, edited by theirs (minutes 15 -> 30)"
    ]
    text = conflict_text(SAMPLE, ours, theirs, model=Summit, path=WHERE, result=result)
    assert "minutes = 30" in text  # theirs' edit is in the conflicted file


def test_deleted_on_one_side_and_untouched_on_the_other_is_deleted() -> None:
    ours = changed(SAMPLE, (COFFEE, ""))
    theirs = changed(SAMPLE, ("minutes = 45", "minutes = 40"))
    summit = merged(ours, theirs)
    assert "Coffee" not in [item.title for item in summit.agenda]
    assert summit.agenda[2].minutes == 40


def test_an_item_inserted_on_one_side_while_the_other_edits_minutes() -> None:
    new_item = '[[agenda]]\ntitle = "Lunch"\nkind = "break"\nminutes = 30\n\n'
    ours = changed(SAMPLE, (COFFEE, COFFEE + new_item))
    theirs = changed(SAMPLE, ("minutes = 45", "minutes = 50"))
    summit = merged(ours, theirs)
    titles = [item.title for item in summit.agenda]
    assert titles[3:5] == ["Coffee", "Lunch"]
    assert summit.agenda[2].minutes == 50


def test_a_reorder_on_theirs_with_an_insertion_on_ours() -> None:
    theirs = changed(SAMPLE, (COFFEE, ""))
    theirs = changed(
        theirs, ('[[agenda]]\ntitle = "Welcome', COFFEE + '[[agenda]]\ntitle = "Welcome')
    )
    new_item = '[[agenda]]\ntitle = "Any other business"\nminutes = 5\n\n'
    ours = changed(SAMPLE, ("# ── Outputs", new_item + "# ── Outputs"))
    titles = [item.title for item in merged(ours, theirs).agenda]
    assert titles[0] == "Coffee"
    assert titles[-1] == "Any other business"
    assert len(titles) == 8


def test_both_reordering_differently_keeps_ours_order_and_says_so() -> None:
    ours = changed(SAMPLE, (COFFEE, ""))
    ours = changed(ours, ('[[agenda]]\ntitle = "Welcome', COFFEE + '[[agenda]]\ntitle = "Welcome'))
    theirs = changed(SAMPLE, (COFFEE, ""))
    theirs = changed(theirs, ("# ── Outputs", COFFEE + "# ── Outputs"))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.record is not None
    assert isinstance(result.record, Summit)
    assert result.record.agenda[0].title == "Coffee"
    assert result.notes == ["agenda: both sides changed the order differently; ours' order is kept"]


def test_items_with_ids_pair_by_id_even_when_retitled() -> None:
    base = changed(SAMPLE, ('title = "Coffee"', 'id = "c0ffee"\ntitle = "Coffee"'))
    ours = changed(base, ('title = "Coffee"', 'title = "Tea and coffee"'))
    theirs = changed(base, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20'))
    summit = merged(ours, theirs, base)
    coffee = summit.agenda[3]
    assert (coffee.id, coffee.title, coffee.minutes) == ("c0ffee", "Tea and coffee", 20)


def test_two_different_items_added_with_one_id_get_distinct_ids() -> None:
    ours = changed(
        SAMPLE, ("# ── Outputs", '[[agenda]]\nid = "abc"\ntitle = "A"\nminutes = 5\n\n# ── Outputs')
    )
    theirs = changed(
        SAMPLE, ("# ── Outputs", '[[agenda]]\nid = "abc"\ntitle = "B"\nminutes = 5\n\n# ── Outputs')
    )
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    # The same id on both sides means the same item: its title is a conflict, not two items.
    assert [c.where for c in result.conflicts] == ["agenda 'A'.title"]


def test_sequence_merges_as_the_larger_and_brings_what_it_issued() -> None:
    ours = changed(SAMPLE, ("sequence = 0", "sequence = 2"))
    ours = changed(ours, ('status = "CONFIRMED"', 'status = "TENTATIVE"'))
    theirs = changed(SAMPLE, ("sequence = 0", "sequence = 1"))
    summit = merged(ours, theirs)
    assert summit.invite is not None
    assert (summit.invite.sequence, summit.invite.issued.status) == (2, "TENTATIVE")


def test_two_different_uids_are_a_conflict() -> None:
    ours = changed(SAMPLE, ('uid = "93c1', 'uid = "aaaa'))
    theirs = changed(SAMPLE, ('uid = "93c1', 'uid = "bbbb'))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert [c.where for c in result.conflicts] == ["invite.uid"]


def test_register_records_merge_by_id() -> None:
    ours = changed(REGISTER, ('job_title = "Director of Public Policy, UK"', 'job_title = "VP"'))
    new_org = '\n[organisations.ofcom-2]\nname = "Ofcom (2)"\nsector = "regulator"\n'
    theirs = REGISTER + new_org
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is not None
    register = Register.model_validate(tomli.loads(result.text))
    assert register.organisations["google"].delegates["google-policy"].job_title == "VP"
    assert "ofcom-2" in register.organisations


def test_an_invalid_merge_is_not_written() -> None:
    # Each side is valid; together the end would come before the start.
    start = 'organiser = "summit-lead"\nstart = 2026-01-20T09:30:00\nend = 2026-01-20T13:00:00'
    ours = changed(SAMPLE, (start, start.replace("T09:30", "T12:30")))
    theirs = changed(SAMPLE, (start, start.replace("T13:00", "T12:00")))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.text is None
    assert "not valid" in result.errors[0]
    text = conflict_text(SAMPLE, ours, theirs, model=Summit, path=WHERE, result=result)
    assert "12:30:00" in text and "12:00:00" in text


def test_choices_settle_each_conflict() -> None:
    ours = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 20'))
    theirs = changed(SAMPLE, ('kind = "break"\nminutes = 15', 'kind = "break"\nminutes = 30'))
    choices = {"agenda 'Coffee'.minutes": "theirs"}
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE, choices=choices)  # type: ignore[arg-type]
    assert result.text is not None
    assert Summit.model_validate(tomli.loads(result.text)).agenda[3].minutes == 30


def test_a_conflicted_file_does_not_load_and_says_where(tmp_path: Path) -> None:
    ours = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 5")))
    theirs = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 6")))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    path = tmp_path / "x.toml"
    path.write_text(conflict_text(SAMPLE, ours, theirs, model=Summit, path=WHERE, result=result))
    with pytest.raises(DataError) as raised:
        TomlDocument.load(path, Summit)
    (problem,) = raised.value.problems
    assert problem.line == 11
    assert problem.message.startswith('unresolved merge conflict: venue: base "100 Parliament')


def test_markers_inside_a_multiline_string_are_still_a_conflict(tmp_path: Path) -> None:
    text = changed(
        SAMPLE,
        (
            "imagery from search",
            "<<<<<<< ours\nimagery from search\n=======\nimages\n>>>>>>> theirs\n",
        ),
    )
    path = tmp_path / "x.toml"
    path.write_text(text)
    with pytest.raises(DataError, match="unresolved merge conflict"):
        TomlDocument.load(path, Summit)


def test_theirs_comments_come_with_records_only_theirs_touched() -> None:
    new_org = (
        "\n# Joined after the Ofcom review\n[organisations.ofcom-2]\n"
        'name = "Ofcom (2)"  # working name\nsector = "regulator"\n'
        "\n[organisations.ofcom-2.delegates.ofcom-2-lead]\n"
        'name = "Sam Lee"\njob_title = "Director"  # acting\nemail = "sam@ofcom.example.org"\n'
    )
    theirs = changed(
        REGISTER,
        (
            'job_title = "Director of Public Policy, UK"',
            'job_title = "VP, Public Policy"  # from 1 March',
        ),
    )
    theirs += new_org
    ours = changed(REGISTER, (GOOGLE, GOOGLE + "  # and ads"))
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is not None
    assert 'job_title = "VP, Public Policy"  # from 1 March' in result.text
    assert "# Joined after the Ofcom review\n[organisations.ofcom-2]" in result.text
    assert 'job_title = "Director"  # acting' in result.text
    assert GOOGLE + "  # and ads" in result.text
    register = Register.model_validate(tomli.loads(result.text))
    google = register.organisations["google"]
    assert google.delegates["google-policy"].job_title == "VP, Public Policy"
    assert register.organisations["ofcom-2"].delegates["ofcom-2-lead"].name == "Sam Lee"


def test_a_record_both_touched_keeps_ours_text_and_theirs_comment() -> None:
    theirs = changed(
        REGISTER,
        ('job_title = "Director of Public Policy, UK"', 'job_title = "VP"  # theirs'),
    )
    ours = changed(
        REGISTER,
        ('email = "daniel.reyes@google.example.org"', 'email = "d@google.example.org"  # ours'),
    )
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is not None
    assert 'email = "d@google.example.org"  # ours' in result.text
    assert 'job_title = "VP"  # theirs\n' in result.text


@pytest.mark.parametrize("base", ["", "<<<<<<< ours\nx = 1\n=======\nx = 2\n>>>>>>> theirs\n"])
def test_no_readable_base_merges_what_agrees_and_reports_the_rest(base: str) -> None:
    ours = changed(SAMPLE, ('twitter-policy = "declined"', 'twitter-policy = "accepted"'))
    theirs = changed(SAMPLE, ('facebook-policy = "needs-action"', 'facebook-policy = "declined"'))
    result = merge_texts(base, ours, theirs, model=Summit, path=WHERE)
    assert [c.where for c in result.conflicts] == [
        "invitations.facebook.rsvp.facebook-policy",
        "invitations.twitter.rsvp.twitter-policy",
    ]


def test_an_emptied_collection_merges_with_an_addition_to_it() -> None:
    # Ours removes the Home Office's only delegate (an empty table is left out of the
    # file); theirs adds a second one. Not a deletion of the collection: both land.
    only = (
        '[organisations.home-office.delegates.crime-policy-director]\nname = "Ruth Okafor"\n'
        'job_title = "Director, Crime and Policing Policy"\n'
        'email = "ruth.okafor@homeoffice.example.org"\n'
    )
    added = (
        '\n[organisations.home-office.delegates.new-adviser]\nname = "Ann Lee"\n'
        'job_title = "Adviser"\nemail = "ann.lee@homeoffice.example.org"\n'
    )
    ours = changed(REGISTER, (only, ""))
    theirs = changed(REGISTER, (only, only + added))
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is not None, result.report("invitees.toml")
    register = Register.model_validate(tomli.loads(result.text))
    assert list(register.organisations["home-office"].delegates) == ["new-adviser"]


def test_a_conflict_in_a_large_register_is_written_quickly() -> None:
    # Lines repeat by the thousand in a register; the conflicted file must not take minutes.
    base = "".join(
        f'[organisations.org-{o}]\nname = "Org {o}"\nsector = "other"\n\n'
        f'[organisations.org-{o}.delegates.d-{o}]\nname = "Delegate"\njob_title = "Head"\n'
        f'email = "d@org-{o}.example.org"\n\n'
        for o in range(6000)
    )
    ours = base.replace('name = "Org 7"', 'name = "Ours"').replace(
        'name = "Org 2990"', 'name = "O"'
    )
    theirs = base.replace('name = "Org 7"', 'name = "Theirs"').replace(
        'name = "Org 2990"', 'name = "T"'
    )
    where = Path("invitees.toml")
    started = time.perf_counter()
    result = merge_texts(base, ours, theirs, model=Register, path=where)
    merging = time.perf_counter() - started
    started = time.perf_counter()
    text = conflict_text(base, ours, theirs, model=Register, path=where, result=result)
    assert time.perf_counter() - started < 10 * merging + 1
    assert text.count("<<<<<<< ours: organisations.org-") == 2
    assert (
        '<<<<<<< ours: organisations.org-7.name: base "Org 7", ours "Ours", theirs "Theirs"' in text
    )


def test_a_crlf_file_stays_crlf_through_merge_and_conflict() -> None:
    crlf = SAMPLE.replace("\n", "\r\n")
    ours = changed(crlf, ('kind = "break"\r\nminutes = 15', 'kind = "break"\r\nminutes = 20'))
    theirs = changed(crlf, ('twitter-policy = "declined"', 'twitter-policy = "accepted"'))
    result = merge_texts(crlf, ours, theirs, model=Summit, path=WHERE)
    assert result.text is not None
    assert "\n" not in result.text.replace("\r\n", "")
    theirs = changed(theirs, ('kind = "break"\r\nminutes = 15', 'kind = "break"\r\nminutes = 30'))
    result = merge_texts(crlf, ours, theirs, model=Summit, path=WHERE)
    text = conflict_text(crlf, ours, theirs, model=Summit, path=WHERE, result=result)
    assert "\n" not in text.replace("\r\n", "")
    assert "=======\r\nminutes = 30\r\n>>>>>>> theirs\r\n" in text


def test_two_items_of_one_name_are_told_apart_in_conflicts() -> None:
    second = '[[agenda]]\ntitle = "Coffee"\nkind = "break"\nminutes = 10\n\n'
    base = changed(SAMPLE, ("# ── Outputs", second + "# ── Outputs"))
    ours = changed(base, ("minutes = 10", "minutes = 20"))
    theirs = changed(base, ("minutes = 10", "minutes = 25"))
    result = merge_texts(base, ours, theirs, model=Summit, path=WHERE)
    assert [c.describe() for c in result.conflicts] == [
        "agenda 'Coffee' (2).minutes: base 10, ours 20, theirs 25"
    ]


def test_a_comment_edited_by_theirs_survives_a_data_change_of_ours() -> None:
    """Someone tidied a comment in an editor while the app retimed an item: both land."""
    ours = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", "Room 2")))
    theirs = changed(SAMPLE, ("# Summit convened", "# The summit convened"))
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert result.text is not None
    assert "# The summit convened" in result.text and "Conference Room 2" in result.text


NSPCC = "national-society-for-the-prevention-of-cruelty-to-children-n-2"


def nspcc(branch: str, person: str, delegate_id: str) -> str:
    return REGISTER + (
        f'\n[organisations.{NSPCC}]\nname = "National Society for the Prevention of Cruelty '
        f'to Children (NSPCC) {branch}"\nsector = "charity"\n\n'
        f'[organisations.{NSPCC}.delegates.{delegate_id}]\nname = "{person}"\n'
        f'job_title = "Head of Policy"\nemail = "{delegate_id}@nspcc.example.org"\n'
    )


def test_two_organisations_added_under_one_id_are_a_conflict_not_one_organisation() -> None:
    """Two officials each added an NSPCC branch; the long names cut to one id, and the
    merge fused them: one organisation holding both delegates, under one name, so the
    Scotland delegate would get Northern Ireland's invitation (found working as a team)."""
    ours = nspcc("Scotland", "Morag Campbell", "morag-campbell")
    theirs = nspcc("Northern Ireland", "Ciarán O'Neill", "ciaran-oneill")
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is None
    assert [c.where for c in result.conflicts] == [f"organisations.{NSPCC}"]
    said = result.report("invitees.toml")[0]
    assert "added on both sides as different records" in said
    assert "(NSPCC) Scotland" in said and "(NSPCC) Northern Ireland" in said
    choice = {f"organisations.{NSPCC}": "theirs"}
    kept = merge_texts(
        REGISTER,
        ours,
        theirs,
        model=Register,
        path=Path("invitees.toml"),
        choices=choice,  # type: ignore[arg-type]
    )
    assert kept.text is not None
    register = Register.model_validate(tomli.loads(kept.text))
    assert list(register.organisations[NSPCC].delegates) == ["ciaran-oneill"]


def test_one_organisation_added_on_both_sides_merges() -> None:
    ours = nspcc("Scotland", "Morag Campbell", "morag-campbell")
    theirs = nspcc("Scotland", "Ewan Reid", "ewan-reid")
    result = merge_texts(REGISTER, ours, theirs, model=Register, path=Path("invitees.toml"))
    assert result.text is not None
    register = Register.model_validate(tomli.loads(result.text))
    assert set(register.organisations[NSPCC].delegates) == {"morag-campbell", "ewan-reid"}


def test_a_conflict_line_shows_values_that_differ_late() -> None:
    venue = "Lancaster House, Stable Yard, London SW1A 1BB: Green Drawing Room"
    ours = changed(SAMPLE, (VENUE, VENUE.replace("Room 1", f"Room 1 ({venue})")))
    theirs = changed(
        SAMPLE, (VENUE, VENUE.replace("Room 1", f"Room 1 ({venue}, then State Dining)"))
    )
    result = merge_texts(SAMPLE, ours, theirs, model=Summit, path=WHERE)
    assert "then State Dining" in result.report(str(WHERE))[0]
