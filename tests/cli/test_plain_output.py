"""`summit --plain`: linear output a screen reader or braille display reads in order (issue 22)."""

import pytest

from tests.conftest import SAMPLE_SUMMIT

BOX = set("─│┌┐└┘├┤┬┴┼━┃┏┓┗┛┣┫┳┻╋╇┡┩╭╮╰╯═║")


def test_show_plain_is_one_labelled_value_per_line(data_dir, cli) -> None:
    result = cli("--plain", "show", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 0, result.err
    assert not BOX & set(result.out)
    lines = result.out.splitlines()
    assert "Title: Summit on child-abuse imagery, filtering and copyright online" in lines
    assert "Google, Mei Lin Carter: tentative; attended" in lines
    assert any(line.startswith("Item 4: 11:00 to 11:15, Coffee, a break") for line in lines)
    assert "\x1b[" not in result.out  # no colour


@pytest.mark.parametrize("how", ["SUMMIT_PLAIN", "TERM"])
def test_plain_by_environment(data_dir, cli, monkeypatch, how: str) -> None:
    monkeypatch.setenv(how, "1" if how == "SUMMIT_PLAIN" else "dumb")
    result = cli("overview", "--data", data_dir)
    assert not BOX & set(result.out)
    assert "Coming: 1 summit" in result.out
    assert f"{SAMPLE_SUMMIT}: Summit on child-abuse imagery" in result.out


def test_without_plain_the_tables_stay(data_dir, cli, monkeypatch) -> None:
    monkeypatch.delenv("SUMMIT_PLAIN", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert BOX & set(cli("show", SAMPLE_SUMMIT, "--data", data_dir).out)


def test_plain_says_what_the_tables_say(data_dir, cli) -> None:
    """Plain output left out reply comments, delegations and attendance, and a multi-line
    action ran onto an unlabelled line (found trying the second week); `show` without
    --plain did not say who attended either."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    text = text.replace(
        '"Circulate a note of the summit', '"""Circulate a note\nof the summit', 1
    ).replace('to all attendees."', 'to all attendees."""', 1)
    path.write_text(
        text + "\n[invitations.twitter.replied.twitter-policy]\n"
        'reply = "declined"\nsequence = 0\ncomment = "Our UK policy team is away"\n'
    )
    plain = cli("--plain", "show", SAMPLE_SUMMIT, "--data", data_dir)
    assert plain.code == 0, plain.err
    lines = plain.out.splitlines()
    assert "Twitter, Jess Moreno: declined “Our UK policy team is away”; did not attend" in lines
    assert any(line.startswith("Action, done: Circulate a note of the summit") for line in lines)
    tables = cli("show", SAMPLE_SUMMIT, "--data", data_dir)
    assert "Came" in tables.out
