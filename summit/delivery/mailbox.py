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
from email import policy
from email.message import Message
from pathlib import Path
from typing import Protocol

from summit.delivery.mailfolder import (
    maildir_messages,
    mbox_messages,
    read_message,
)
from summit.invitations import ReplyImport, collect_replies, import_replies
from summit.store import DataError, Dataset, Problem

_REPLY = re.compile(rb"^METHOD:REPLY\s*$", re.IGNORECASE | re.MULTILINE)
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


def _is_calendar(part: Message) -> bool:
    filename = part.get_filename() or ""
    return part.get_content_type() in _CALENDAR_TYPES or filename.lower().endswith(".ics")


def calendar_replies(data: bytes) -> list[bytes]:
    """The METHOD:REPLY calendars in one e-mail, each once (Outlook: inline and attached)."""
    message = email.message_from_bytes(data, policy=policy.compat32)
    found: dict[bytes, bytes] = {}
    for part in message.walk():
        if part.is_multipart() or not _is_calendar(part):
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and _REPLY.search(payload):
            found.setdefault(b"\n".join(payload.splitlines()), payload)
    return list(found.values())


def _add(found: MailReplies, where: Path, data: bytes, name: str) -> None:
    replies = calendar_replies(data)
    if not replies:
        found.skipped.append(f"{name}: no calendar reply in this message")
    for number, reply in enumerate(replies):
        shown = where if len(replies) == 1 else Path(f"{where} (reply {number + 1})")
        found.read.append((shown, reply))


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


def fetch_replies(dataset: Dataset, source: MailSource, label: str) -> Fetched:
    """Record the replies in the folder's new messages and mark the messages imported.

    A message with a reply that fails a check (a forgery, another summit's
    reply) is reported and left unmarked for a person to look at; it does not
    hold up the others. Messages without a calendar reply are left as they are.
    """
    if dataset.register is None:
        raise DataError(dataset.errors)
    summits, register = dataset.summit_records(), dataset.register.record
    good: list[tuple[Path, bytes]] = []
    ids: dict[Path, str] = {}
    fetched = Fetched(ReplyImport())
    for message_id, data in source.new_messages():
        where = Path(f"{label}/{message_id}")
        replies = calendar_replies(data)
        if not replies:
            fetched.skipped += 1
            continue
        items = [(where, reply) for reply in replies]
        alone, _ = collect_replies(summits, register, [], items)
        if alone.problems:
            fetched.refused += alone.problems
            continue
        good += items
        ids[where] = message_id
    fetched.result = import_replies(dataset, [], good)
    if not fetched.result.problems:
        fetched.marked = list(dict.fromkeys(ids.values()))
        source.mark(fetched.marked)
    return fetched
