"""`summit fmt` layout: a messed-up file comes back to the one canonical layout."""

import random

import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.generate import register_text
from summit.store.formatting import format_toml
from tests.conftest import REPO

_SPACINGS = ["=", "  =  ", "\t= ", "= "]


def _messed(clean: str, rng: random.Random) -> str:
    """The clean text as people and merges leave it: odd spacing, blank runs, CRLF."""
    out = []
    inside = False  # within a multi-line string, whose lines are data
    for original in clean.split("\n"):
        line = original
        was_inside, inside = inside, inside != (line.count('"""') % 2 == 1)
        if was_inside:
            out.append(line)
            continue
        if not line and rng.random() < 0.5:
            out.append(rng.choice([" ", "\n\n", "\t"]))
        if " = " in line and rng.random() < 0.5:
            line = line.replace(" = ", rng.choice(_SPACINGS), 1)
        if line and rng.random() < 0.1:
            line = rng.choice(["  ", "\t"]) + line
        if line and not inside and rng.random() < 0.1:
            line += rng.choice(["  ", "\t"])
        out.append(line)
    newline = rng.choice(["\n", "\r\n"])
    return newline.join(out).rstrip("\r\n") + rng.choice(["", newline * 3])


def test_fmt_restores_a_large_messed_up_register_line_for_line() -> None:
    # 6,000 lines with a comment above every 50th organisation, as in bench/generate.py.
    clean = register_text(120, 8)
    assert format_toml(clean) == clean
    messy = _messed(clean, random.Random(7))
    assert messy != clean
    assert format_toml(messy) == clean
    assert format_toml(messy, tomli.loads(messy)) == clean


def test_fmt_puts_one_blank_line_above_a_comment_that_heads_a_table() -> None:
    text = "a = 1\n# about b\n# more\n[b]\nc = 2\n\n\n\n# tail\n"
    assert format_toml(text) == "a = 1\n\n# about b\n# more\n[b]\nc = 2\n\n# tail\n"


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_fmt_of_the_messed_up_sample_is_the_sample(seed: int) -> None:
    for path in [REPO / "invitees.toml", *sorted((REPO / "agendas").glob("*.toml"))]:
        clean = path.read_text(encoding="utf-8")
        messy = _messed(clean, random.Random(seed))
        assert format_toml(messy) == clean, path.name


def test_fmt_unindents_a_quoted_key() -> None:
    # The value used to be scanned from inside the key, so such a file was left alone.
    assert format_toml('[t]\n    "a" = 1\n    "b c"="x"\n') == '[t]\na = 1\n"b c" = "x"\n'


def test_fmt_keeps_controls_in_quoted_keys_escaped() -> None:
    # tomlkit writes C1 controls and bidi overrides raw; `cat` of the file would then
    # send them to the terminal (issue 7 item 7).
    text = '[t]\n"x\\u009b31m\\u001b[2J\\u202e"=2\n\n["a\\u0085".b]\nc = 1\n'
    formatted = format_toml(text)
    assert formatted == '[t]\n"x\\u009b31m\\u001b[2J\\u202e" = 2\n\n["a\\u0085".b]\nc = 1\n'
    assert tomli.loads(formatted) == tomli.loads(text)
