"""Theirs' text of one table is found by its header alone, wherever it is in a long file."""

import tomli

from summit.store.borrow import TheirsText

THEIRS = """\
[organisations.org-10]
name = "Ten"

# The first organisation, as theirs wrote it
[organisations.org-1]  # trailing
name = "One"

[organisations.org-1.delegates.d-1]
name = "Dee"

[[organisations.org-1.events]]
name = "Not a sub-table of the plain kind"

[organisations.org-2]
name = "Two"
"""


def test_a_new_table_is_borrowed_with_its_comment_and_sub_tables() -> None:
    value = tomli.loads(THEIRS)["organisations"]["org-1"]
    del value["events"]  # [[...]] ends the borrowed block, as any other non-plain header
    borrowed = TheirsText("", THEIRS).table(("organisations", "org-1"), value)
    assert borrowed == (
        "# The first organisation, as theirs wrote it\n"
        "[organisations.org-1]  # trailing\n"
        'name = "One"\n\n'
        "[organisations.org-1.delegates.d-1]\n"
        'name = "Dee"\n'
    )


def test_a_table_not_in_theirs_or_holding_other_data_is_not_borrowed() -> None:
    theirs = TheirsText("", THEIRS)
    assert theirs.table(("organisations", "org-3"), {"name": "Three"}) is None
    assert theirs.table(("organisations", "org-10"), {"name": "Eleven"}) is None
    assert theirs.table(("organisations", "org-10"), {"name": "Ten"}) == (
        '[organisations.org-10]\nname = "Ten"\n'
    )


def test_a_section_is_borrowed_only_where_ours_is_the_bases() -> None:
    base = '[organisations.org-2]\nname = "Zwei"\n'
    theirs = TheirsText(base, THEIRS)
    path = ("organisations", "org-2")
    assert theirs.section(path, {"name": "Two"}, base) == '[organisations.org-2]\nname = "Two"\n'
    assert theirs.section(path, {"name": "Two"}, '[organisations.org-2]\nname = "2"\n') is None


def test_a_header_like_line_in_a_string_makes_it_decline_not_borrow_wrongly() -> None:
    text = "note = '''\n[organisations.org-1]\nin a string\n'''\n\n" + THEIRS
    value = tomli.loads(text)["organisations"]["org-1"]
    assert TheirsText("", text).table(("organisations", "org-1"), value) is None
