"""iMIP e-mails: what a mail client needs to show a meeting request."""

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import icalendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summit.ical.invite import invite_calendar
from summit.ical.mail import Unsendable, check_addresses, invite_email, mailbox, read_message
from summit.model import Register, Summit
from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import BEFORE_SAMPLE_SUMMIT, REPO, SAMPLE_SUMMIT, before_it_was_held
from tests.ical.conftest import NOW, edit_summit, parse_both


def emails(root: Path, out: Path) -> dict[str, EmailMessage]:
    exported = invitations.export_emails(load_dataset(root), SAMPLE_SUMMIT, out, now=NOW)
    return {
        path.stem.removeprefix(f"{SAMPLE_SUMMIT}-"): read_message(path.read_bytes())
        for path in exported.paths
    }


def calendar_part(message: EmailMessage) -> EmailMessage:
    return next(p for p in message.walk() if p.get_content_type() == "text/calendar")


def test_one_message_per_organisation_addressed_to_its_delegates(
    data_dir: Path, tmp_path: Path
) -> None:
    messages = emails(data_dir, tmp_path)
    assert len(messages) == 12
    google = messages["google"]
    assert google["From"] == "Priya Hollis <priya.hollis@dcms.example.org>"
    assert {a.addr_spec for a in google["To"].addresses} == {
        "daniel.reyes@google.example.org",
        "meilin.carter@google.example.org",
    }
    assert google["Subject"].startswith("Invitation: Summit on child-abuse imagery")
    assert b"yahoo.example.org" not in google.as_bytes()


def test_the_calendar_part_method_matches_the_method_inside(data_dir: Path, tmp_path: Path) -> None:
    message = emails(data_dir, tmp_path)["google"]
    part = calendar_part(message)
    assert part.get_param("method") == "REQUEST"
    calendar, parsed = parse_both(part.get_content().encode())
    assert str(calendar["method"]) == "REQUEST"
    assert parsed.vevent.organizer.value == "mailto:priya.hollis@dcms.example.org"
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert "09:30-09:45  Welcome and purpose of the day" in body.get_content()
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "invite.ics"
    inline = part.get_content().encode()
    assert inline.count(b"\r\n") == inline.count(b"\n")  # iCalendar's CRLF survives
    assert attachment.get_content() == inline


def test_sensitive_summits_say_so_in_the_subject(data_dir: Path, tmp_path: Path) -> None:
    edit_summit(
        data_dir,
        'classification = "OFFICIAL"',
        'classification = "OFFICIAL-SENSITIVE"\npublic_purpose = "Online safety."',
    )
    message = emails(data_dir, tmp_path)["iwf"]
    assert message["Subject"].startswith("OFFICIAL-SENSITIVE: Invitation:")
    calendar, _ = parse_both(calendar_part(message).get_content().encode())
    assert str(next(iter(calendar.walk("VEVENT")))["class"]) == "CONFIDENTIAL"


def test_a_cancelled_summit_mails_a_cancellation(data_dir: Path, tmp_path: Path) -> None:
    before_it_was_held(data_dir)  # a summit held is never cancelled
    invitations.cancel_summit(load_dataset(data_dir), SAMPLE_SUMMIT, today=BEFORE_SAMPLE_SUMMIT)
    message = emails(data_dir, tmp_path)["bt"]
    assert message["Subject"].startswith("Cancelled:")
    assert calendar_part(message).get_param("method") == "CANCEL"


def edit_register(root: Path, old: str, new: str) -> None:
    path = root / "invitees.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def to_header(message: EmailMessage) -> list[tuple[str, str]]:
    return [(a.display_name, a.addr_spec) for a in message["To"].addresses]


def test_two_non_ascii_names_with_commas_stay_two_recipients(
    data_dir: Path, tmp_path: Path
) -> None:
    edit_register(data_dir, 'name = "Daniel Reyes"', 'name = "Reyes, Dániel"')
    edit_register(data_dir, 'name = "Mei Lin Carter"', 'name = "Carter, Méi Lin"')
    google = emails(data_dir, tmp_path)["google"]
    assert to_header(google) == [
        ("Reyes, Dániel", "daniel.reyes@google.example.org"),
        ("Carter, Méi Lin", "meilin.carter@google.example.org"),
    ]


def test_an_internationalised_address_is_sent_as_smtputf8(data_dir: Path, tmp_path: Path) -> None:
    edit_register(data_dir, "daniel.reyes@google.example.org", "jürgen@müller.example.org")
    exported = invitations.export_emails(load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path, now=NOW)
    data = (tmp_path / f"{SAMPLE_SUMMIT}-google.eml").read_bytes()
    assert to_header(read_message(data))[0] == ("Daniel Reyes", "jürgen@müller.example.org")
    # The body parts are read from the bytes, as a mail client reads an 8-bit message.
    bytes_read: EmailMessage = email.message_from_bytes(data, policy=policy.default)  # type: ignore[assignment]
    calendar, _ = parse_both(calendar_part(bytes_read).get_content().encode())
    event = next(iter(calendar.walk("VEVENT")))
    assert "mailto:jürgen@müller.example.org" in [str(a) for a in event["attendee"]]
    # Organisations whose addresses are all ASCII still get plain 7-bit messages.
    yahoo = next(p for p in exported.paths if p.name.endswith("-yahoo.eml"))
    assert yahoo.read_bytes().isascii()


def test_a_name_that_looks_like_an_encoded_word_is_sent_as_written(
    data_dir: Path, tmp_path: Path
) -> None:
    # Decoded, the first would put a line break (and a Bcc) into the header: it crashed.
    forged = "=?utf-8?q?Bob=0ABcc=3A_x=40evil.example.org?="
    edit_register(data_dir, 'name = "Daniel Reyes"', f'name = "{forged}"')
    edit_register(data_dir, 'name = "Mei Lin Carter"', 'name = "=?utf-8?q?x?="')
    edit_register(data_dir, 'name = "Priya Hollis"', 'name = "=?utf-8?b?QWRtaW4=?= Hollis"')
    google = emails(data_dir, tmp_path)["google"]
    assert to_header(google) == [
        (forged, "daniel.reyes@google.example.org"),
        ("=?utf-8?q?x?=", "meilin.carter@google.example.org"),
    ]
    assert google["From"].addresses[0].display_name == "=?utf-8?b?QWRtaW4=?= Hollis"
    assert google["Bcc"] is None


def test_the_check_catches_a_header_that_loses_a_recipient() -> None:
    # What joining formataddr() strings wrote for these two: Python reads three addresses.
    people = [mailbox("Lee, Ñ", "a@x.example.org"), mailbox("Ça", "b@y.example.org")]
    data = (
        b"To: Lee, =?utf-8?q?=C3=91?= <a@x.example.org>,\r\n"
        b" =?utf-8?q?=C3=87a?= <b@y.example.org>\r\n\r\nhi\r\n"
    )
    with pytest.raises(Unsendable, match=r"instead of a@x\.example\.org, b@y\.example\.org"):
        check_addresses(data, None, people)


# Names as the register accepts them (one line, no control characters), with the
# characters that address headers treat specially and text that looks encoded.
_NAMES = st.one_of(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Cn", "Zl", "Zp")),
        min_size=1,
        max_size=80,
    ),
    st.lists(
        st.sampled_from(
            [
                "Müller,",
                "Zoë",
                '"Jo"',
                "(CEO)",
                "=?utf-8?q?x?=",
                "O'Brien",
                "Ñ",
                "\\",
                "<a@b>",
                "中文",
            ]
        ),
        min_size=1,
        max_size=6,
    ).map(" ".join),
).filter(lambda name: name.strip() != "")
_ADDRESSES = st.sampled_from(
    ["a@x.example.org", "b.c@y.example.org", "jürgen@müller.example.org", "d@bücher.example"]
)


@settings(max_examples=100, deadline=None)
# Python 3.11's own folder writes the comma between these two as an encoded word.
@example(people=[("00000\xa0\xa0\xa0\xa0\xa0𐀀𐀀𐀀𐀀", "a@x.example.org"), ("0", "b.c@y.example.org")])
@given(people=st.lists(st.tuples(_NAMES, _ADDRESSES), min_size=1, max_size=4))
def test_every_to_header_reads_back_as_its_recipients(people: list[tuple[str, str]]) -> None:
    summit, register = _SAMPLE
    calendar = invite_calendar(summit, register, now=NOW, only="google")
    recipients = [mailbox(name.strip(), address) for name, address in people]
    data = invite_email(summit, register, calendar, recipients, now=NOW)
    message = read_message(data)
    read = to_header(message)
    # Python's parser keeps the fold between two encoded words of one long name
    # (RFC 2047 drops it), so names are compared without their whitespace.
    assert [(_squeeze(n), a) for n, a in read] == [
        (_squeeze(r.display_name), r.addr_spec) for r in recipients
    ]
    part = calendar_part(message)
    assert icalendar.Calendar.from_ical(part.get_content().encode())["method"] == "REQUEST"


def _squeeze(name: str) -> str:
    return "".join(name.split())


def _sample() -> tuple[Summit, Register]:
    dataset = load_dataset(REPO)
    return dataset.summits[SAMPLE_SUMMIT].record, dataset.register.record  # type: ignore[union-attr]


_SAMPLE = _sample()


def test_an_update_reads_as_an_update(data_dir: Path, tmp_path: Path) -> None:
    """Issue 8, item 6: after the venue changed, the e-mail says it is an update."""
    dataset = load_dataset(data_dir)
    first = invitations.export_emails(dataset, SAMPLE_SUMMIT, tmp_path / "first", now=NOW)
    message = email.message_from_bytes(first.paths[0].read_bytes(), policy=email.policy.default)
    assert str(message["Subject"]).startswith("Invitation:")
    edit_summit(data_dir, "Conference Room 1", "Conference Room 2")
    dataset = load_dataset(data_dir)
    assert any("changes not yet sent: the venue changed" in p.message for p in dataset.warnings)
    # Issue 19, item 3: what an organisation holds is its sent record, not the SEQUENCE.
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    with path.open("a") as file:
        file.write(
            '\n[sent.google]\nsequence = 0\nmethod = "REQUEST"\n'
            'at = 2026-12-01T10:00:00Z\ndetails = "earlier"\nagenda = "earlier"\n'
        )
    later = invitations.export_emails(
        load_dataset(data_dir), SAMPLE_SUMMIT, tmp_path / "later", now=NOW
    )
    subjects = {}
    for written in later.paths:
        message = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
        subjects[written.name] = str(message["Subject"])
        if written.name == f"{SAMPLE_SUMMIT}-google.eml":
            body = message.get_body(("plain",))
            assert body is not None and "replaces the one in your calendar" in body.get_content()
    assert subjects.pop(f"{SAMPLE_SUMMIT}-google.eml").startswith("Updated invitation:")
    assert all(subject.startswith("Invitation:") for subject in subjects.values())
