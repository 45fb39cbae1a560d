"""Property test: comments written anywhere on both sides, with disjoint data edits, all survive.

Each side makes random data changes (saved by summit's own writer) to
different things, then a person adds comments by hand: above a random table
header or key, or after a one-line value. Whatever the merge does with the
data, every comment is in the merged file exactly once; when both changed one
field, settling the conflict either way keeps every comment too.
"""

import re
from pathlib import Path

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summit.model import Summit
from summit.store.merge import merge_texts
from tests.store.test_merge_properties import BASE_TEXT, Change, merged_texts, split

WHERE = Path("agendas/x.toml")
_STATEMENT = re.compile(r"^(\[\[?[A-Za-z0-9_.-]+\]\]?|[A-Za-z0-9_-]+ = )")
_ONE_LINE_VALUE = re.compile(r'^[A-Za-z0-9_-]+ = ("[^"\\#]*"|[0-9TZ:.+-]+|true|false)$')


def statement_lines(text: str) -> list[int]:
    """Lines that start a table or key (outside multi-line strings, checked by reading back)."""
    return [i for i, line in enumerate(text.splitlines()) if _STATEMENT.match(line)]


@st.composite
def commented(draw: st.DrawFn, text: str, who: str) -> tuple[str, list[str]]:
    """`text` with up to four comments a person added, and those comments."""
    lines = text.splitlines(keepends=True)
    candidates = statement_lines(text)
    places = draw(st.lists(st.sampled_from(candidates), max_size=4, unique=True))
    comments = []
    for number, index in enumerate(sorted(places, reverse=True)):
        comment = f"# {who} note {number}"
        line = lines[index].rstrip("\n")
        if _ONE_LINE_VALUE.match(line) and draw(st.booleans()):
            lines[index] = f"{line}  {comment}\n"
        else:
            lines.insert(index, comment + "\n")
        comments.append(comment)
    result = "".join(lines)
    assert tomli.loads(result) == tomli.loads(text)  # only comments were added
    return result, comments


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), sides=split())
def test_every_comment_of_both_sides_survives_exactly_once(
    data: st.DataObject, sides: tuple[list[Change], list[Change]]
) -> None:
    ours_text, theirs_text = merged_texts(*sides)
    ours_text, ours_comments = data.draw(commented(ours_text, "ours"))
    theirs_text, theirs_comments = data.draw(commented(theirs_text, "theirs"))
    result = merge_texts(BASE_TEXT, ours_text, theirs_text, model=Summit, path=WHERE)
    texts = [result.text] if result.text is not None else []
    if result.conflicts:
        for choice in ("ours", "theirs"):
            choices = {conflict.where: choice for conflict in result.conflicts}
            settled = merge_texts(
                BASE_TEXT, ours_text, theirs_text, model=Summit, path=WHERE, choices=choices
            )
            assert settled.text is not None, settled.report(str(WHERE))
            texts.append(settled.text)
    assert texts, result.report(str(WHERE))
    for text in texts:
        for comment in ours_comments + theirs_comments:
            assert text.count(comment) == 1, (comment, text)
        # Each side's base comments that it did not remove are still there too.
        assert text.count("# ── Agenda ──") == 1
