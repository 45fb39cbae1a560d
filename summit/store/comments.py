"""The comments of a TOML text, and how they changed between two versions.

Comments are not data, so the record-level diff cannot see them; yet a comment
a person wrote is a change, and losing one is the worst bug. Counting them in
the old and new text makes a loss visible in every plain-English view.
"""

import re
from collections import Counter
from collections.abc import Iterator

# Strings first, so that a `#` inside a string is not taken for a comment; each
# multi-line string may end with up to two more quotes (`"""a""""` holds `a"`).
_TOKENS = re.compile(
    r'"""(?:\\[\s\S]|[^\\])*?"""(?:"{1,2}(?!"))?'
    r"|'''[\s\S]*?'''(?:'{1,2}(?!'))?"
    r'|"(?:\\.|[^"\\\n])*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
)


def comments(text: str) -> list[str]:
    """Every comment in the text (whole-line and trailing, `#:schema` too), as written."""
    if '"""' in text or "'''" in text:  # a string may run over lines: read it all
        return _comments_in(text)
    # Every string ends on its line: only the lines holding a `#` need reading, which
    # spares tokenising each of a big register's hundreds of thousands of strings.
    return [comment for line in _lines_with_hash(text) for comment in _comments_in(line)]


def _comments_in(text: str) -> list[str]:
    return [
        found.group().rstrip() for found in _TOKENS.finditer(text) if found.group().startswith("#")
    ]


def _lines_with_hash(text: str) -> Iterator[str]:
    at = text.find("#")
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        yield text[start:end]
        at = text.find("#", end)


def comment_start(line: str) -> int | None:
    """Where the comment of one line of TOML starts (outside any string), if it has one."""
    found = next((f for f in _TOKENS.finditer(line) if f.group().startswith("#")), None)
    return None if found is None else found.start()


def comment_change(old_text: str, new_text: str) -> str | None:
    """`2 comments removed`, `1 comment added`, `1 comment changed`; None when none did.

    Comments are compared by their text, so moving one changes nothing. A
    comment gone on one side and a new one on the other is a changed comment.
    """
    before, after = Counter(comments(old_text)), Counter(comments(new_text))
    removed, added = before - after, after - before
    gone, new = removed.total(), added.total()
    changed = min(gone, new)
    parts = [
        _count(count, verb)
        for count, verb in (
            (changed, "changed"),
            (gone - changed, "removed"),
            (new - changed, "added"),
        )
        if count
    ]
    return ", ".join(parts) or None


def _count(count: int, verb: str) -> str:
    return f"{count} comment{'s' * (count != 1)} {verb}"
