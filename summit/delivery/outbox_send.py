"""Sending a planned outbox through a relay, recording each message as it is accepted.

What an organisation was last sent is recorded in the summit file
(`[sent.<organisation>]`) as each message is accepted, so that sending again
sends only what changed since, and a batch cut short by the relay is finished
by sending again, with nothing sent twice.
"""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from summit.delivery.journal import Journal
from summit.delivery.letter import Letter
from summit.delivery.outbox_plan import Outbox
from summit.delivery.sent_records import recorded
from summit.model.sent import Sent
from summit.store import Dataset


class Relay(Protocol):
    """What sending needs of a relay connection (summit.delivery.smtp.SmtpRelay)."""

    def send(self, sender: str, recipients: list[str], message: bytes) -> dict[str, str]: ...


@dataclass
class Failed:
    letter: Letter
    reason: str


@dataclass
class SendReport:
    sent: list[Letter] = field(default_factory=list)
    refused_recipients: dict[str, dict[str, str]] = field(default_factory=dict)
    """By organisation id: recipients the relay refused while delivering to the others."""
    failed: list[Failed] = field(default_factory=list)
    not_sent: list[Letter] = field(default_factory=list)
    """Not attempted: the relay failed before their turn."""
    stopped: str | None = None

    @property
    def complete(self) -> bool:
        return not (self.failed or self.not_sent or self.stopped or self.refused_recipients)


MAX_UNWRITTEN = 500
"""Records queued (each already in the journal) before the sender waits for the file."""
REST_FACTOR = 3.0
"""After a save, the recorder rests this many times as long as the save took: the
journal has every record meanwhile, and each save of a big file costs the sender time."""


class _Recorder:
    """Writes sent records into the summit file, in a thread, while the next message goes out.

    A save of a large summit file (merge-on-save, read back, fsync) takes
    longer than handing a message to a relay; saving in line would make
    sending many times slower than the relay itself. So each record goes into
    the journal at once (see summit.delivery.journal) and into a queue, and
    the thread saves whatever is queued, one save for all of it; `close`
    returns only once everything accepted is written.
    """

    def __init__(
        self, dataset: Dataset, summit_id: str, journal: Journal, known: dict[str, Sent]
    ) -> None:
        self._dataset, self._summit_id = dataset, summit_id
        self._journal = journal
        self._known = dict(known)
        """Each organisation's record as the letters sent so far leave it."""
        self._pending: dict[str, Sent] = {}
        self._closed = False
        self._ready = threading.Condition()
        self.error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="summit-send-record", daemon=True)
        self._thread.start()

    def add(self, letter: Letter, at: datetime, refused: list[str] | None = None) -> None:
        """Queue a record; waits while too many are unwritten (a failing disk stops sending)."""
        org_id = letter.organisation_id
        sent = self._known[org_id] = recorded(letter, self._known.get(org_id), at, refused or [])
        self._journal.append(letter.organisation_id, sent)
        with self._ready:
            self._ready.wait_for(lambda: len(self._pending) < MAX_UNWRITTEN or self._stopped)
            self._pending[letter.organisation_id] = sent
            self._ready.notify_all()

    @property
    def _stopped(self) -> bool:
        return self.error is not None or self._closed

    def close(self) -> None:
        """Wait until every record queued is written (or writing failed: see `error`)."""
        with self._ready:
            self._closed = True
            self._ready.notify()
        self._thread.join()

    def _run(self) -> None:
        pause = 0.0
        while True:
            with self._ready:
                # Rest as long as the last save took (unless closing): half the
                # time is left to the sending thread, and each save takes more.
                self._ready.wait_for(lambda: self._closed, timeout=pause)
                while not self._pending and not self._closed:
                    self._ready.wait()
                batch, self._pending = self._pending, {}
                self._ready.notify_all()  # a sender waiting for room may go on
                if not batch and self._closed:
                    return
            started = time.perf_counter()
            try:
                self._save(batch)
            except Exception as error:  # reported by the sender, never lost in the thread
                with self._ready:
                    self.error = error
                    self._ready.notify_all()
                return
            pause = REST_FACTOR * (time.perf_counter() - started)

    def _save(self, batch: dict[str, Sent]) -> None:
        """Write the records through the merge-on-save, keeping what others saved meanwhile."""
        current = self._dataset.summit_document(self._summit_id).record
        updated = current.model_copy(update={"sent": {**current.sent, **batch}})
        self._dataset.save_summit(self._summit_id, updated, merging=True)


def send_outbox(
    dataset: Dataset,
    outbox: Outbox,
    relay: Relay,
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    on_sent: Callable[[Letter], None] | None = None,
    on_sending: Callable[[int, int, Letter], None] | None = None,
) -> SendReport:
    """Send every letter through `relay`, recording each in the summit file once accepted.

    The invite state (UID, SEQUENCE) is saved first, so the file never holds
    a record of a SEQUENCE it has not issued. A message the relay refuses is
    reported and the batch goes on; a relay that fails, or a record that
    cannot be written, stops the batch, and what was not sent is reported for
    a retry. The records are all written when this returns.
    """
    report = SendReport()
    if outbox.refusal is not None or not outbox.letters:
        return report
    # The invite state, and anything the journal recovered, before the first message.
    journal = record_recovered(dataset, outbox)
    recorder = _Recorder(dataset, outbox.summit_id, journal, outbox.summit.sent)
    try:
        _send_each(
            outbox, relay, recorder, report, clock=clock, on_sent=on_sent, on_sending=on_sending
        )
    finally:
        recorder.close()
        journal.close()
    if recorder.error is not None:
        raise RecordFailed(recorder.error, report)
    journal.clear()
    return report


def record_recovered(dataset: Dataset, outbox: Outbox) -> Journal:
    """Save the summit as the outbox holds it (its invite state, and the messages the
    journal says went out before an interruption); the journal is then empty."""
    assert outbox.summit.invite is not None and outbox.journal_file is not None
    dataset.save_summit(outbox.summit_id, outbox.summit, merging=True)
    journal = Journal(outbox.journal_file, outbox.summit.invite.uid)
    journal.clear()
    return journal


class RecordFailed(Exception):
    """Messages went out but their record could not be written (the file changed, a full disk).

    `report` says what was sent; `error` is the storage layer's exception.
    The journal keeps them: the next `summit send` records them first.
    """

    def __init__(self, error: Exception, report: SendReport) -> None:
        super().__init__(str(error))
        self.error, self.report = error, report


def _send_each(
    outbox: Outbox,
    relay: Relay,
    recorder: _Recorder,
    report: SendReport,
    *,
    clock: Callable[[], datetime],
    on_sent: Callable[[Letter], None] | None,
    on_sending: Callable[[int, int, Letter], None] | None = None,
) -> None:
    from summit.delivery.smtp import MessageRefused, RelayFailed  # noqa: PLC0415

    for index, letter in enumerate(outbox.letters):
        if recorder.error is not None:
            report.not_sent = outbox.letters[index:]
            return
        if on_sending is not None:
            on_sending(index + 1, len(outbox.letters), letter)
        try:
            refused = relay.send(outbox.sender, letter.recipients, letter.message)
        except MessageRefused as error:
            report.failed.append(Failed(letter, str(error)))
            continue
        except RelayFailed as error:
            report.stopped = str(error)
            report.not_sent = outbox.letters[index:]
            return
        recorder.add(letter, clock().replace(microsecond=0), list(refused))
        report.sent.append(letter)
        if refused:
            report.refused_recipients[letter.organisation_id] = refused
        if on_sent is not None:
            on_sent(letter)
