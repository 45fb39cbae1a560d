"""A reply's comment is written by someone outside: kept as words, never as controls."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from summit.ical.replies import read_reply
from summit.store import DataError, load_dataset
from tests.conftest import SAMPLE_SUMMIT
from tests.ical.test_real_client_replies import exchange_2010
from tests.ical.test_replies import reply_file, sample_uid


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


def test_an_answer_repeated_by_a_newer_reply_names_who(data_dir: Path, tmp_path: Path, cli) -> None:
    """It printed only "accepted (again, in a newer reply)", with no summit or person
    (found trying the second week)."""
    uid, email = sample_uid(data_dir), "oliver.grant@facebook.example.org"
    for name, day in (("first.ics", 1), ("again.ics", 2)):
        stamp = datetime(2026, 1, day, 10, tzinfo=UTC)
        path = reply_file(tmp_path, name, uid=uid, email=email, partstat="ACCEPTED", stamp=stamp)
        result = cli("rsvp", "import", path, "--data", data_dir)
        assert result.code == 0, result.err
    assert result.out.strip() == (
        f"{SAMPLE_SUMMIT}: facebook-policy (facebook) accepted (again, in a newer reply)"
    )
