"""Issue 21 item 16: a summit that is itself OFFICIAL-SENSITIVE never sends its purpose out.

The sample summit is marked OFFICIAL-SENSITIVE with a distinctive purpose and a public
purpose; then every external output is made as a user makes it (files written by the
export functions and the CLI, e-mails received by a real SMTP relay, objects held by a
real CalDAV server) and read back with real parsers.
"""

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import SAMPLE_SUMMIT, dated_ahead
from tests.delivery.conftest import SmtpServer
from tests.delivery.test_publish import calendar, radicale  # noqa: F401 - the fixture
from tests.papers.reading import output_text

SECRET = "Prepare the ground for Project Nightjar legislation"
PUBLIC = "Discuss online safety with internet companies"
Make = Callable[[Path, object, object], list[str]]


def _summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def mark_sensitive(root: Path, *, public: bool = True) -> None:
    path = _summit_file(root)
    text = path.read_text()
    start = text.index('purpose = """')
    end = text.index('"""', start + len('purpose = """')) + 3
    purpose = f'purpose = "{SECRET}"'
    if public:
        purpose += f'\npublic_purpose = "{PUBLIC}"'
    text = text[:start] + purpose + text[end:]
    text = text.replace(
        'classification = "OFFICIAL"\n', 'classification = "OFFICIAL-SENSITIVE"\n', 1
    )
    path.write_text(text)


def _files(folder: Path) -> list[str]:
    found = sorted(p for p in folder.rglob("*") if p.is_file() and "internal" not in p.name)
    assert found, folder
    return [output_text(p) for p in found]


def _invites(root: Path, cli, server) -> list[str]:
    invitations.export_invites(load_dataset(root), SAMPLE_SUMMIT, root / "out")
    return _files(root / "out")


def _per_organisation(root: Path, cli, server) -> list[str]:
    out = root / "out"
    invitations.export_invites(load_dataset(root), SAMPLE_SUMMIT, out, per_organisation=True)
    return _files(out)


def _agenda(root: Path, cli, server) -> list[str]:
    invitations.export_agenda(load_dataset(root), SAMPLE_SUMMIT, root / "out")
    return _files(root / "out")


def _emails(root: Path, cli, server) -> list[str]:
    invitations.export_emails(load_dataset(root), SAMPLE_SUMMIT, root / "out")
    return _files(root / "out")


def _papers(root: Path, cli, server) -> list[str]:
    assert cli("papers", SAMPLE_SUMMIT, "--data", root, "--out", root / "out").code == 0
    return _files(root / "out")


def _transparency(root: Path, cli, server) -> list[str]:
    # The return lists only meetings that took place: the summit is moved a year back.
    path = _summit_file(root)
    text = path.read_text().replace("start = 2027-01-20T", "start = 2026-01-20T", 1)
    path.write_text(text.replace("end = 2027-01-20T", "end = 2026-01-20T", 1))
    out = root / "out" / "return.csv"
    dates = ("--from", "2026-01-01", "--to", "2026-03-31")
    result = cli("transparency", *dates, "--data", root, "--out", out)
    assert result.code == 0, result.err
    return [out.read_text()]


def _sent(root: Path, cli, server: SmtpServer) -> list[str]:
    dated_ahead(root)  # a summit whose day has passed is never sent
    result = cli("send", SAMPLE_SUMMIT, "--data", root, "--smtp", server.url, "--yes")
    assert result.code == 0, result.err
    received = server.recorder.received
    assert received
    return [_decoded(item.message) for item in received]


def _decoded(message: EmailMessage) -> str:
    """Every part as its reader sees it: quoted-printable and base64 undone."""
    parts = [str(message["Subject"])]
    for part in message.walk():
        if not part.is_multipart():
            content = part.get_content()
            parts.append(content.decode() if isinstance(content, bytes) else content)
    return "\n".join(parts).replace("\r\n ", "").replace("\\n", " ")


OUTPUTS: dict[str, Make] = {
    "invite-ics": _invites,
    "per-organisation-ics": _per_organisation,
    "agenda-ics": _agenda,
    "eml": _emails,
    "papers": _papers,
    "transparency-csv": _transparency,
    "smtp": _sent,
}


@pytest.mark.parametrize("make", OUTPUTS.values(), ids=OUTPUTS.keys())
def test_the_purpose_of_a_sensitive_summit_is_in_no_external_output(
    data_dir: Path, cli, smtp_server: SmtpServer, make: Make
) -> None:
    mark_sensitive(data_dir)
    assert cli("validate", "--data", data_dir).code == 0
    texts = make(data_dir, cli, smtp_server)
    for text in texts:
        assert SECRET not in " ".join(text.split())
    if make is not _agenda:  # the agenda calendar's events name items, not the summit's aim
        assert any(PUBLIC in " ".join(text.split()) for text in texts)


def test_the_published_calendar_does_not_carry_the_purpose(
    data_dir: Path,
    cli,
    radicale: str,  # noqa: F811 - the fixture imported above
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mark_sensitive(data_dir)
    monkeypatch.setenv("SUMMIT_CALDAV_PASSWORD", "s3cret")
    result = cli("publish", SAMPLE_SUMMIT, "--data", data_dir, "--caldav", radicale)
    assert result.code == 0, result.err
    held = [item.data for item in calendar(radicale).events()]
    assert held
    unfolded = [" ".join(data.replace("\r\n ", "").replace("\\n", " ").split()) for data in held]
    assert not any(SECRET in text for text in unfolded)
    assert any(PUBLIC in text for text in unfolded)


def test_the_briefing_pack_keeps_the_purpose_under_its_marking(data_dir: Path, cli) -> None:
    mark_sensitive(data_dir)
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--out", data_dir / "out").code == 0
    pack = data_dir / "out" / f"{SAMPLE_SUMMIT}-briefing-pack-internal.md"
    text = pack.read_text()
    assert SECRET in " ".join(text.split()) and "OFFICIAL-SENSITIVE" in text


def test_a_sensitive_summit_without_a_public_purpose_is_refused_at_its_line(
    data_dir: Path, cli
) -> None:
    mark_sensitive(data_dir, public=False)
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    lines = _summit_file(data_dir).read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("classification ="))
    assert f"{SAMPLE_SUMMIT}.toml:{line}" in result.out + result.err
    assert "public_purpose" in result.out + result.err
