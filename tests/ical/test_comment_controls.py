"""A reply's comment is written by someone outside: kept as words, never as controls."""

from pathlib import Path

import pytest

from summit.ical.replies import read_reply
from summit.store import DataError, load_dataset
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.test_real_client_replies import exchange_2010


def with_comment(tmp_path: Path, comment: str) -> bytes:
    text = exchange_2010(tmp_path, "uid-1").read_text()
    return text.replace("I will bring our head of trust and safety.", comment).encode()


def test_control_characters_in_a_comment_are_dropped(tmp_path: Path) -> None:
    """A BEL in COMMENT was recorded, passed `summit validate`, and made `summit papers`
    fail with lxml's traceback (found trying the second week)."""
    reply = read_reply(with_comment(tmp_path, "See you\x07 there\x1b[2J soon"))
    assert reply.comment == "See you there [2J soon"


def test_a_long_comment_is_cut_at_a_word_and_says_so(tmp_path: Path) -> None:
    reply = read_reply(with_comment(tmp_path, "word " * 150))
    assert reply.comment is not None
    assert len(reply.comment) <= 500 and reply.comment.endswith("word…")


def test_a_control_character_written_into_a_file_is_refused_with_its_place(
    data_dir: Path,
) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(
        path.read_text() + "\n[invitations.google.replied.google-policy]\n"
        'reply = "accepted"\nsequence = 0\ncomment = "See you there\\u0007"\n'
    )
    problems = [p for p in load_dataset(data_dir).problems if p.path == path]
    assert any("control character (U+0007)" in p.message for p in problems), problems
    with pytest.raises(DataError):
        load_dataset(data_dir).valid_summit(SAMPLE_SUMMIT)
