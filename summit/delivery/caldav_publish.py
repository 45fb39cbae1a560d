"""The team calendar over CalDAV: the meeting and one calendar object per agenda item.

CalDAV stores one UID per resource (RFC 4791 §4.1), so the meeting and each
agenda item are separate objects, each with the VTIMEZONE it uses and no
METHOD. Publishing again writes every object by its UID (the server updates
it in place) and removes the objects of agenda items no longer on the agenda;
a cancelled summit's objects say STATUS:CANCELLED. ORGANIZER and ATTENDEE
carry SCHEDULE-AGENT=CLIENT (RFC 6638 §7.1): a server that schedules must not
mail the attendees itself; invitations go out by `summit send` alone.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from icalendar import Calendar, Component

from summit.delivery.caldav_guard import GuardRefused, guard
from summit.delivery.deadline import Budget, DeadlinePassed
from summit.ical.invite import PRODID, agenda_calendar, invite_calendar
from summit.model import Register, Summit
from summit.store import Dataset
from summit.workflows import invitations


class PublishFailed(Exception):
    """The calendar server cannot be reached, refused us, or refused an object."""


class CalendarStore(Protocol):
    """A calendar collection: its objects' UIDs, and writing and removing by UID."""

    def uids(self) -> set[str]: ...

    def put(self, uid: str, data: bytes) -> None: ...

    def delete(self, uid: str) -> None: ...


@dataclass
class Published:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    cancelled: bool = False


def _client_scheduled(component: Component) -> None:
    for name in ("ORGANIZER", "ATTENDEE"):
        values = component.get(name)
        for value in values if isinstance(values, list) else [values] if values else []:
            value.params["SCHEDULE-AGENT"] = "CLIENT"


def _object(event: Component, timezones: list[Component]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for zone in timezones:
        calendar.add_component(zone)
    _client_scheduled(event)
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def calendar_objects(
    summit_id: str, summit: Summit, register: Register, *, now: datetime
) -> dict[str, bytes]:
    """Every object to publish, by UID: the meeting, then each agenda item."""
    objects: dict[str, bytes] = {}
    for calendar in (
        invite_calendar(summit, register, now=now),
        agenda_calendar(summit_id, summit, register, now=now),
    ):
        zones = list(calendar.walk("VTIMEZONE"))
        for event in calendar.walk("VEVENT"):
            objects[str(event["UID"])] = _object(event, zones)
    return objects


def _ours(uid: str, meeting: str) -> bool:
    """The meeting's UID, or one of its agenda items' (`agenda-<item id>-<meeting UID>`;
    objects published before items had ids are `agenda-<position>-<meeting UID>`)."""
    return (
        uid == meeting or re.fullmatch(rf"agenda-[a-z0-9-]+-{re.escape(meeting)}", uid) is not None
    )


def publish(
    dataset: Dataset, summit_id: str, store: CalendarStore, *, now: datetime | None = None
) -> Published:
    """Bring the calendar in line with the summit: write every object, remove the stale ones.

    A summit never exported gets its UID first (saved in its file), so that
    every later publish and send names the same meeting; agenda items get ids
    the same way, so that each object stays with its item when others move.
    """
    existing = store.uids()  # first, so that a missing calendar is named before any write
    dataset.name_agenda_items(summit_id)
    if dataset.summit_document(summit_id).record.invite is None:
        invitations.issue_invite(dataset, summit_id)
    summit, register, _ = invitations.issued_summit(dataset, summit_id)
    assert summit.invite is not None
    objects = calendar_objects(summit_id, summit, register, now=now or datetime.now(UTC))
    report = Published(cancelled=summit.invite.issued.status == "CANCELLED")
    for uid, data in objects.items():
        store.put(uid, data)
        report.written.append(uid)
    for uid in sorted(existing):
        if _ours(uid, summit.invite.uid) and uid not in objects:
            store.delete(uid)
            report.removed.append(uid)
    return report


def _conflict(error: Exception) -> bool:
    # The library's PutError carries no status: its message begins with the status line.
    # Only that beginning counts: a URL's port (41409) may hold the same digits.
    if getattr(error, "status", None) == 409:
        return True
    return str(error).lstrip().startswith("409 ")


class CaldavCalendar:
    """A calendar collection on a CalDAV server, through the `caldav` library."""

    def __init__(self, url: str, username: str | None, password: str | None) -> None:
        from caldav.calendarobjectresource import Event  # noqa: PLC0415 - only when publishing
        from caldav.davclient import DAVClient  # noqa: PLC0415

        self.url = url
        client = DAVClient(
            url=url,
            username=username,
            password=password,
            enable_rfc6764=False,  # the URL names the calendar: no DNS discovery
            require_tls=False,  # http:// is allowed for a server on this machine
            timeout=30,
        )
        self._budget = Budget()
        guard(client.session, self._budget)
        self._calendar: Any = client.calendar(url=url)  # type: ignore[no-untyped-call]
        self._event = Event

    @contextmanager
    def _talking(self, doing: str) -> Iterator[None]:
        """The library's and the network's errors as one sentence, without a traceback."""
        from caldav.lib.error import DAVError, NotFoundError  # noqa: PLC0415
        from niquests.exceptions import RequestException  # noqa: PLC0415

        try:
            yield
        except (GuardRefused, DeadlinePassed) as error:
            raise PublishFailed(f"{self.url}: could not {doing}: {error}") from error
        except NotFoundError as error:
            raise PublishFailed(self._missing()) from error
        except (DAVError, RequestException, OSError) as error:
            if _conflict(error):  # a PUT into a collection that does not exist
                raise PublishFailed(self._missing()) from error
            reason = getattr(error, "reason", None)
            said = " ".join(str(error).split())
            detail = reason if reason and reason != "no reason" else said
            raise PublishFailed(f"{self.url}: could not {doing}: {detail}") from error
        except Exception as error:  # whatever the library makes of a hostile reply
            said = " ".join(str(error).split())[:200] or type(error).__name__
            raise PublishFailed(
                f"{self.url}: could not {doing}: unusable reply ({said})"
            ) from error

    def _missing(self) -> str:
        return (
            f"{self.url}: there is no calendar at this address; check the URL "
            "(summit does not create calendars: make it in your calendar app first)"
        )

    def _objects(self) -> dict[str, Any]:
        with self._talking("list the calendar"):
            events = self._calendar.events()
            # An object without a UID is no object of ours: it is left alone.
            found = ((item.icalendar_component.get("UID"), item) for item in events)
            return {str(uid): item for uid, item in found if uid is not None}

    def uids(self) -> set[str]:
        return set(self._objects())

    def put(self, uid: str, data: bytes) -> None:
        with self._talking(f"write {uid}"):
            self._calendar.add_object(self._event, ical=data.decode("utf-8"), increase_seqno=False)

    def delete(self, uid: str) -> None:
        item = self._objects()[uid]
        with self._talking(f"remove {uid}"):
            item.delete()
