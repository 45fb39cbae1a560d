"""Replies as they arrive by e-mail: in .eml files, Maildir and mbox folders, or over IMAP.

Calendar clients answer an invitation with an e-mail carrying a METHOD:REPLY
calendar: Outlook as an inline text/calendar part with nothing to save,
others as an attached .ics too. This module takes those calendars out of the
messages (the stdlib `email` and `mailbox` packages); the replies are then
checked and recorded by exactly the rules that apply to .ics files.
"""

import email
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Protocol

from summit.delivery.imap import MailboxFailed
from summit.delivery.mailfolder import (
    maildir_messages,
    mbox_messages,
    read_message,
)
from summit.delivery.reply_senders import Senders, disagreement, senders, untrusted_sender
from summit.ical.replies import NotAReply, read_reply
from summit.model import Register
from summit.store import DataError, Dataset, Problem
from summit.workflows.invitations import ReplyImport, collect_replies, import_replies

# A COUNTER ("New Time Proposed") is taken too, to be told to the official (see read_reply).
_REPLY = re.compile(rb"^METHOD:(REPLY|COUNTER)\s*$", re.IGNORECASE | re.MULTILINE)
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics"})


@dataclass
class MailReplies:
    """The replies found, by where each came from, and .ics files to read as they are."""

    files: list[Path] = field(default_factory=list)
    read: list[tuple[Path, bytes]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    """Messages in a folder not read: not a regular file, or over the size limit."""
    problems: list[Problem] = field(default_factory=list)
    dated: dict[Path, datetime] = field(default_factory=dict)
    """Each e-mailed reply's Date header, to order a reply without DTSTAMP."""
    sent_by: dict[Path, Senders] = field(default_factory=dict)
    """Each e-mailed reply's sender, checked against the register by `check_senders`."""


def _is_calendar(part: Message) -> bool:
    filename = part.get_filename() or ""
    return part.get_content_type() in _CALENDAR_TYPES or filename.lower().endswith(".ics")


def calendar_replies(data: bytes) -> list[bytes]:
    """The METHOD:REPLY (and COUNTER) calendars in one e-mail, each once (Outlook: inline
    and attached)."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    found: dict[bytes, bytes] = {}
    for part in message.walk():
        if part.is_multipart() or not _is_calendar(part):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and _REPLY.search(payload):
            found.setdefault(b"\n".join(payload.splitlines()), payload)
    return list(found.values())


def _date(data: bytes) -> datetime | None:
    header = email.message_from_bytes(data, policy=policy.compat32).get("Date")
    try:
        when = parsedate_to_datetime(str(header)) if header else None
    except (TypeError, ValueError):
        return None
    return when if when is not None and when.tzinfo is not None else None


def _sender(data: bytes) -> Senders:
    message = email.message_from_bytes(data, policy=policy.compat32)
    return senders(message.get("From"), message.get("Sender"))


def _add(found: MailReplies, where: Path, data: bytes, name: str) -> None:
    replies = calendar_replies(data)
    if not replies:
        found.skipped.append(f"{name}: no calendar reply in this message")
    why = disagreement(replies)
    if why is not None:
        found.problems.append(Problem(where, 0, 0, f"{why}; none of them is recorded"))
        return
    when, sent = _date(data), _sender(data)
    for number, reply in enumerate(replies):
        shown = where if len(replies) == 1 else Path(f"{where} (reply {number + 1})")
        found.read.append((shown, reply))
        found.sent_by[shown] = sent
        if when is not None:
            found.dated[shown] = when


def _untrusted(register: Register, data: bytes, sent: Senders) -> str | None:
    try:
        reply = read_reply(data)
    except NotAReply:
        return None  # refused later by the usual checks, with its line
    return untrusted_sender(reply, sent, register)


def check_senders(found: MailReplies, register: Register) -> None:
    """Move each e-mailed reply whose sender cannot speak for its attendee to `problems`."""
    kept = []
    for path, data in found.read:
        sent = found.sent_by.get(path)
        why = None if sent is None else _untrusted(register, data, sent)
        if why is None:
            kept.append((path, data))
        else:
            found.problems.append(Problem(path, 0, 0, why))
    found.read = kept


def _add_named(found: MailReplies, path: Path, data: bytes) -> None:
    # In a mailbox most mail is not a reply and is skipped; an e-mail the user
    # named as a reply that holds none is a mistake to point out, not to skip.
    if calendar_replies(data):
        _add(found, path, data, path.name)
    else:
        message = "an e-mail without a calendar part (text/calendar): not a reply"
        found.problems.append(Problem(path, 0, 0, message))


def _messages(path: Path) -> Iterator[tuple[Path, bytes] | object]:
    """Each message of a Maildir or mbox folder, named by where it is."""
    return maildir_messages(path) if path.is_dir() else mbox_messages(path)


def _is_mbox(path: Path) -> bool:
    if path.suffix.lower() == ".mbox":
        return True
    if not path.is_file():
        return False  # a named pipe is not opened here (the .ics reader refuses it)
    try:
        with path.open("rb") as file:
            return file.read(5) == b"From "
    except OSError:
        return False


def is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() or (path / "new").is_dir()


def gather_replies(paths: list[Path]) -> MailReplies:
    """Sort what the user named: .ics files, .eml files, Maildir folders and mbox files."""
    found = MailReplies()
    for path in paths:
        try:
            if path.is_dir() and not is_maildir(path):
                message = "is a folder but not a Maildir (no cur/ or new/ inside)"
                found.problems.append(Problem(path, 0, 0, message))
            elif path.is_dir() or _is_mbox(path):
                for each in _messages(path):
                    if isinstance(each, tuple):
                        where, data = each
                        _add(found, where, data, where.name)
                    else:
                        found.unread.append(str(each))
            elif path.suffix.lower() == ".eml":
                _add_named(found, path, read_message(path))
            else:
                found.files.append(path)
        except OSError as error:
            why = error.strerror or str(error)
            found.problems.append(Problem(path, 0, 0, f"cannot read: {why}"))
        except (ValueError, mailbox.Error) as error:
            found.problems.append(Problem(path, 0, 0, f"cannot read: {error}"))
    return found


class MailSource(Protocol):
    """A mailbox folder: its new messages by id, and a way to mark them imported."""

    def new_messages(self) -> list[tuple[str, bytes]]: ...

    def mark(self, ids: list[str]) -> None: ...


@dataclass
class Fetched:
    result: ReplyImport
    marked: list[str] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    """Messages whose replies failed a check: reported, left unmarked, nothing else held up."""
    skipped: int = 0
    unmarked: list[str] = field(default_factory=list)
    """Messages recorded that the server would not mark imported (why: `mark_failed`)."""
    mark_failed: str = ""


def _message(found: MailReplies, where: Path, data: bytes, register: Register) -> None:
    """The message's replies into `found`, or into its problems with why not."""
    _add(found, where, data, where.name)
    check_senders(found, register)


def fetch_replies(dataset: Dataset, source: MailSource, label: str) -> Fetched:
    """Record the replies in the folder's new messages and mark the messages imported.

    A message with a reply that fails a check (a forgery, a sender who may not
    speak for the attendee, another summit's reply) is reported and left
    unmarked for a person to look at; it does not hold up the others.
    Messages without a calendar reply are left as they are.
    """
    if dataset.register is None:
        raise DataError(dataset.errors)
    summits, register = dataset.summit_records(), dataset.register.record
    good = MailReplies()
    ids: dict[Path, str] = {}
    fetched = Fetched(ReplyImport())
    for message_id, data in source.new_messages():
        where = Path(f"{label}/{message_id}")
        found = MailReplies()
        _message(found, where, data, register)
        if found.skipped:
            fetched.skipped += 1
            continue
        alone, _ = collect_replies(summits, register, [], found.read, found.dated)
        if found.problems or alone.problems:
            fetched.refused += found.problems + alone.problems
            continue
        good.read += found.read
        good.dated.update(found.dated)
        ids.update(dict.fromkeys((path for path, _ in found.read), message_id))
    fetched.result = import_replies(dataset, [], good.read, good.dated)
    done = list(dict.fromkeys(ids.values()))
    try:
        source.mark(done)
    except MailboxFailed as error:
        fetched.unmarked, fetched.mark_failed = done, str(error)
    else:
        fetched.marked = done
    return fetched
