"""A plain text's layout, found from its headers alone, is the one the line-by-line scan finds.

`scan` takes a short cut for texts made only of blank lines, comments, plain
[headers] and one-line `key = value` lines (summit's own register); any other
text is walked line by line as before. Both must give the same sections,
assigned keys and key positions.
"""

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from summit.store.layout import Layout, LayoutError, Scanner, scan
from summit.store.patch import patch_and_layout


def register_text(organisations: int, delegates: int) -> str:
    """A register as summit writes it (as bench/generate.py makes big ones)."""
    parts = ["# A register\n"]
    for o in range(organisations):
        parts.append(f'\n# Block\n[organisations.org-{o}]\nname = "Org {o}"\nsector = "x"\n')
        for d in range(delegates):
            parts.append(f'\n[organisations.org-{o}.delegates.d-{d}]\nname = "D {d}"\n')
            parts.append(f'job_title = "Head"  # since May\nemail = "d{d}@org-{o}.example.org"\n')
    return "".join(parts)


def walked(text: str) -> Layout:
    return Scanner(text.splitlines(keepends=True)).scan()


def assert_same(text: str) -> Layout | None:
    try:
        expected = walked(text)
    except LayoutError:  # text the walk does not follow is not taken by the short cut either
        with pytest.raises(LayoutError):
            scan(text)
        return None
    found = scan(text)
    assert found.lines == expected.lines
    assert found.sections == expected.sections
    assert found.assigned == expected.assigned
    assert found.keys == expected.keys
    return found


def test_a_generated_register_takes_the_short_cut_and_lays_out_the_same() -> None:
    layout = assert_same(register_text(30, 4))
    assert layout is not None and layout.known_keys  # asked for by assert_same, found then


def test_the_short_cut_finds_no_keys_until_asked() -> None:
    layout = scan(register_text(3, 2))
    assert layout.known_keys is None and layout.known_assigned is None
    assert layout.assigned == walked(register_text(3, 2)).assigned


def test_the_layout_after_an_edit_in_place_is_that_of_the_edited_text() -> None:
    text = register_text(4, 3)
    old = tomli.loads(text)
    new = tomli.loads(text)
    new["organisations"]["org-2"]["delegates"]["d-1"]["job_title"] = "Chief"
    new["organisations"]["org-2"]["delegates"]["d-1"]["phone"] = "+44 20 7946 0000"
    patched = patch_and_layout(text, old, new, layout=scan(text))
    assert tomli.loads(patched.text) == new
    assert patched.layout is not None
    expected = walked(patched.text)
    assert patched.layout.sections == expected.sections
    assert patched.layout.assigned == expected.assigned


CASES = [
    "",
    "\n",
    "a = 1\n",
    "a = 1",  # no newline at the end: walked
    "# top\n\n# above\n[t]\nx = 'y' # why\n\n# heading\n\n[t.u]\n",
    '[[agenda]]\ntitle = "A"\n[[agenda]]\ntitle = "B"\n[agenda.extra]\nk = 1\n',
    "[a]\n[[a.list]]\nx = 1\n  # indented\n  [[a.list]]\n  x = 2\n[a.list.inner]\ny = 3\n",
    'x = 1\r\n# c\r\n[t]\r\ny = "z"\r\n',
    'x = """\n[not.a.header]\n"""\n[t]\ny = 1\n',  # a multi-line string: walked
    "x = [\n  [1, 2],\n]\n[t]\n",  # a multi-line array: walked
    'x = "a\u2028b"\n[t]\n',  # a line break splitlines sees: walked
    'x = "say \\"hi\\""\n[t]\ny = 2\n',  # an escaped quote: walked
    '"quoted key" = 1\n[t]\n',
    "a.b = 1\n[t]\n",
    "[ spaced ]\nx = 1\n",
    "t = { a = 1 }\n[u]\n",
    "x = 1979-05-27T07:32:00Z\ny = -0.5\nz = true\n[w]\n",
]


def test_each_kind_of_text_lays_out_as_walked() -> None:
    for text in CASES:
        tomli.loads(text)  # each is TOML that summit would read
        assert_same(text)


KEY = st.sampled_from(["a", "b", "job_title", "x-1"])
NAME = st.lists(st.sampled_from(["t", "u", "agenda", "d-1"]), min_size=1, max_size=3)
LINE = st.one_of(
    st.just("\n"),
    st.sampled_from(["# note\n", "  # indented note\n", "\t\n"]),
    st.builds(lambda k, v: f"{k} = {v}\n", KEY, st.sampled_from(["1", '"v"', "'w'", "true"])),
    st.builds(lambda n: f"[{'.'.join(n)}]\n", NAME),
    st.builds(lambda n: f"[[{'.'.join(n)}]]\n", NAME),
    st.builds(lambda k: f'{k} = """\n[t]\n"""\n', KEY),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_any_mix_of_lines_lays_out_as_walked(lines: list[str]) -> None:
    text = "".join(lines)
    try:
        tomli.loads(text)
    except tomli.TOMLDecodeError:
        return  # scan is only ever given text that tomli has read
    assert_same(text)
