"""The comments of a TOML text, found the same whether or not a string runs over lines."""

from summit.store.comments import comment_change, comments

ONE_LINE_STRINGS = (
    "# top\n"
    'name = "Org # 1"  # trailing\n'
    "url = 'https://example.org/#part'\n"
    '#:schema ./schema.json\nsector = "charity"#tight\n'
)


def test_comments_outside_one_line_strings() -> None:
    assert comments(ONE_LINE_STRINGS) == ["# top", "# trailing", "#:schema ./schema.json", "#tight"]


def test_a_hash_in_a_string_running_over_lines_is_not_a_comment() -> None:
    text = 'notes = """\n# not a comment\n"""  # but this is\n' + ONE_LINE_STRINGS
    assert comments(text) == [
        "# but this is",
        "# top",
        "# trailing",
        "#:schema ./schema.json",
        "#tight",
    ]
    literal = "notes = '''\n# still text\n'''\n# after"
    assert comments(literal) == ["# after"]


def test_a_comment_on_the_last_line_without_a_newline_counts() -> None:
    assert comment_change("a = 1\n", "a = 1\n# added") == "1 comment added"
