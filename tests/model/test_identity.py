"""Pairing the items of two versions of a list: by id, by what they are about, by order."""

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from summit.model import Action, AgendaItem, Commitment, Summit
from summit.model.identity import match_items, new_item_id, with_new_id


def item(title: str, minutes: int = 15, *, lead: str | None = None, id: str | None = None):
    return AgendaItem(title=title, minutes=minutes, lead=lead, id=id)


def test_items_with_ids_are_followed_through_moves_and_retitles() -> None:
    old = [item("Welcome", id="a1"), item("Coffee", id="b2"), item("Close", id="c3")]
    new = [item("Close", id="c3"), item("Tea", id="b2"), item("New item", id="d4")]
    assert match_items(old, new) == [(2, 0), (1, 1), (None, 2), (0, None)]


def test_items_without_ids_pair_by_title_when_unique() -> None:
    old = [item("Welcome"), item("Coffee", 15), item("Close")]
    new = [item("Coffee", 30), item("Welcome"), item("Close")]
    assert match_items(old, new) == [(1, 0), (0, 1), (2, 2)]


def test_an_id_given_to_an_old_item_still_pairs_it_with_its_past() -> None:
    old = [item("Welcome"), item("Coffee")]
    new = [item("Welcome", id="x1"), item("Coffee")]
    assert match_items(old, new) == [(0, 0), (1, 1)]


def test_a_retitled_item_without_id_pairs_by_its_other_fields() -> None:
    old = [item("Welcome", lead="secretary-of-state"), item("Coffee", 20)]
    new = [item("Opening remarks", lead="secretary-of-state"), item("Coffee", 20)]
    assert match_items(old, new) == [(0, 0), (1, 1)]


def test_two_different_ids_are_two_items_even_with_one_title() -> None:
    old = [item("Coffee", id="a1")]
    new = [item("Coffee", id="b2")]
    assert match_items(old, new) == [(None, 0), (0, None)]


def test_duplicate_titles_without_ids_fall_back_to_order() -> None:
    old = [item("Break", 10), item("Talk", 30, lead="x"), item("Break", 10)]
    new = [item("Break", 10), item("Break", 10)]
    assert match_items(old, new) == [(0, 0), (2, 1), (1, None)]


def test_actions_and_commitments_pair_by_their_text() -> None:
    old = [Action(text="Publish data", owner="google"), Action(text="Report", owner="bt")]
    new = [Action(text="Report", owner="bt", status="done")]
    assert match_items(old, new) == [(1, 0), (0, None)]
    agreed = date(2027, 1, 20)
    c_old = [Commitment(organisation="bt", text="Filter", agreed=agreed)]
    c_new = [Commitment(organisation="ee", text="Filter", agreed=agreed)]
    assert match_items(c_old, c_new) == [(None, 0), (0, None)]


def test_new_ids_are_slugs_and_avoid_taken_ones() -> None:
    taken = {new_item_id(()) for _ in range(50)}
    fresh = new_item_id(taken)
    assert fresh not in taken
    AgendaItem(title="x", minutes=5, id=fresh)


def test_two_items_with_one_id_are_refused(sample_summit_data: dict[str, object]) -> None:
    data = dict(sample_summit_data)
    data["agenda"] = [
        {"title": "A", "minutes": 5, "id": "same"},
        {"title": "B", "minutes": 5, "id": "same"},
    ]
    with pytest.raises(ValidationError, match="items 1 and 2 have the same id 'same'"):
        Summit.model_validate(data)


@pytest.fixture
def sample_summit_data() -> dict[str, object]:
    return {
        "title": "T",
        "convener": "secretary-of-state",
        "organiser": "summit-lead",
        "start": datetime(2027, 1, 20, 9, 30),
        "venue": "V",
    }


def test_a_created_item_gets_an_id_its_list_does_not_have() -> None:
    siblings = [item("A", id="a1"), item("B")]
    created = with_new_id(item("C"), siblings)
    assert created.id not in {"a1", None}
    assert created.to_data()["id"] == created.id


def test_items_of_one_name_without_ids_pair_in_order() -> None:
    old = [
        AgendaItem(title="Coffee", kind="break", minutes=15),
        AgendaItem(title="Coffee", kind="break", minutes=10),
    ]
    new = [
        AgendaItem(title="Coffee", kind="break", minutes=15),
        AgendaItem(title="Coffee", kind="break", minutes=20),
    ]
    assert match_items(old, new) == [(0, 0), (1, 1)]
