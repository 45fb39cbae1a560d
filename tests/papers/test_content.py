"""The papers' content is pure: a summit and a register in, blocks out (no files)."""

from datetime import date, datetime

from summit.model import Register, Summit
from summit.papers.brief import briefing_pack
from summit.papers.content import marking, meeting_note, press_notice
from summit.papers.document import Bullets, Heading, Paper, Paragraph, Table

REGISTER = Register.model_validate(
    {
        "organisations": {
            "dept": {
                "name": "Department",
                "sector": "government",
                "delegates": {
                    "minister": {"name": "Jo Bloggs", "job_title": "Minister", "email": "m@d.org"},
                },
            },
            "acme": {
                "name": "Acme",
                "sector": "software",
                "delegates": {
                    "ann": {"name": "Ann Lee", "job_title": "Head", "email": "ann@acme.org"},
                },
            },
        }
    }
)


def _summit(**changes: object) -> Summit:
    data: dict[str, object] = {
        "title": "Talks",
        "convener": "minister",
        "organiser": "minister",
        "start": datetime(2027, 6, 1, 10, 0),
        "venue": "Room 1",
        "invitations": {"acme": {"rsvp": {"ann": "accepted"}, "attended": {"ann": True}}},
        "agenda": [{"title": "Open", "minutes": 30}],
        "commitments": [
            {"organisation": "acme", "text": "Ship it.", "agreed": date(2027, 6, 1)},
            {
                "organisation": "acme",
                "text": "Quietly fix it.",
                "agreed": date(2027, 6, 1),
                "classification": "OFFICIAL-SENSITIVE",
            },
        ],
    }
    data.update(changes)
    return Summit.model_validate(data)


def _words(paper: Paper) -> str:
    parts = [paper.title]
    for block in paper.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.extend(block.items)
        elif isinstance(block, Table):
            parts.extend(" | ".join(row) for row in block.rows)
    return "\n".join(parts)


def test_the_marking_is_the_highest_held() -> None:
    assert marking(_summit()) == "OFFICIAL-SENSITIVE"
    assert marking(_summit(commitments=[])) == "OFFICIAL"
    earlier = [("before", _summit())]
    assert marking(_summit(commitments=[]), earlier) == "OFFICIAL-SENSITIVE"


def test_external_papers_leave_out_what_internal_ones_mark() -> None:
    summit = _summit()
    note = meeting_note("talks", summit, REGISTER, [], internal=False)
    internal = meeting_note("talks", summit, REGISTER, [], internal=True)
    press = press_notice("talks", summit, REGISTER, [])
    pack = briefing_pack("talks", summit, REGISTER, [])
    assert "Quietly fix it." not in _words(note) + _words(press)
    assert "OFFICIAL-SENSITIVE: Quietly fix it." in _words(internal)
    assert "OFFICIAL-SENSITIVE: Quietly fix it." in _words(pack)
    assert (note.marking, internal.marking, pack.marking, press.marking) == (
        "OFFICIAL",
        "OFFICIAL-SENSITIVE",
        "OFFICIAL-SENSITIVE",
        None,
    )
    assert "Acme: Ship it." in _words(press) and "Ann Lee" not in _words(press)
    assert "Jo Bloggs, Minister, chaired the summit on 1 June 2027 with 1 organisation." in (
        _words(press)
    )
