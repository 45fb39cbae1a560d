from datetime import datetime, timedelta

from summit.model import AgendaItem, Summit
from summit.model.schedule import agenda_end, overrun_minutes, schedule, total_minutes


def make_summit(start: datetime, minutes: list[int], end: datetime | None = None) -> Summit:
    return Summit(
        title="Test summit",
        convener="chair",
        organiser="organiser",
        start=start,
        end=end,
        venue="Room 1",
        agenda=[AgendaItem(title=f"Item {i}", minutes=m) for i, m in enumerate(minutes)],
    )


def test_items_follow_each_other_from_the_start() -> None:
    summit = make_summit(datetime(2027, 1, 20, 9, 30), [15, 30, 45])
    slots = schedule(summit)
    assert [(s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in slots] == [
        ("09:30", "09:45"),
        ("09:45", "10:15"),
        ("10:15", "11:00"),
    ]
    assert total_minutes(summit) == 90
    assert agenda_end(summit).strftime("%H:%M") == "11:00"


def test_times_carry_the_summit_time_zone() -> None:
    summit = make_summit(datetime(2027, 7, 1, 9, 0), [60])
    slot = schedule(summit)[0]
    assert slot.start.utcoffset() == timedelta(hours=1)  # British Summer Time


def test_an_agenda_across_the_spring_clock_change_counts_elapsed_time() -> None:
    # Clocks go forward at 01:00 on 28 March 2027: 00:30 + 60 minutes is 02:30 BST.
    summit = make_summit(datetime(2027, 3, 28, 0, 30), [60])
    assert schedule(summit)[0].end.strftime("%H:%M %Z") == "02:30 BST"


def test_an_agenda_across_the_autumn_clock_change_counts_elapsed_time() -> None:
    # Clocks go back at 02:00 BST on 31 October 2027: 00:30 + 120 minutes is 01:30 GMT.
    summit = make_summit(datetime(2027, 10, 31, 0, 30), [120])
    assert schedule(summit)[0].end.strftime("%H:%M %Z") == "01:30 GMT"


def test_overrun_is_the_minutes_past_the_planned_end() -> None:
    start = datetime(2027, 1, 20, 9, 0)
    assert overrun_minutes(make_summit(start, [60, 70], end=datetime(2027, 1, 20, 11, 0))) == 10
    assert overrun_minutes(make_summit(start, [60], end=datetime(2027, 1, 20, 11, 0))) == 0
    assert overrun_minutes(make_summit(start, [600])) == 0
