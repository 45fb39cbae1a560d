import sys
import unicodedata
from datetime import datetime

import pytest
from pydantic import ValidationError

from summit.model import AgendaItem, Delegate, Invitation, Rsvp, Summit
from summit.model.text import _CONTROLS, _CONTROLS_OR_BREAKS


def test_unknown_keys_are_errors_not_dropped() -> None:
    with pytest.raises(ValidationError) as caught:
        Delegate.model_validate(
            {"name": "A", "job_title": "B", "email": "a@x.example.org", "emial": "x"}
        )
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_types_are_not_coerced() -> None:
    with pytest.raises(ValidationError):
        AgendaItem.model_validate({"title": "Welcome", "minutes": "15"})


def test_text_refuses_control_characters_and_newlines_in_one_line_fields() -> None:
    with pytest.raises(ValidationError, match="control character"):
        AgendaItem(title="Wel\x1bcome", minutes=5)
    with pytest.raises(ValidationError, match="single line"):
        AgendaItem(title="Wel\ncome", minutes=5)
    assert AgendaItem(title="Welcome", minutes=5, notes="two\nlines").notes == "two\nlines"


def test_ids_must_be_slugs() -> None:
    with pytest.raises(ValidationError, match="lower-case"):
        Invitation.model_validate({"rsvp": {"Google_Policy": "accepted"}})


def test_enums_read_their_toml_spelling() -> None:
    invitation = Invitation.model_validate({"rsvp": {"google-policy": "needs-action"}})
    assert invitation.rsvp["google-policy"] is Rsvp.NEEDS_ACTION


def test_email_is_validated_and_its_domain_normalised() -> None:
    delegate = Delegate(name="A", job_title="B", email="Jane@Example.ORG")
    assert delegate.email == "Jane@example.org"
    with pytest.raises(ValidationError, match="email"):
        Delegate(name="A", job_title="B", email="not-an-address")


def test_to_data_keeps_only_what_was_set() -> None:
    item = AgendaItem.model_validate({"title": "Welcome", "minutes": 15})
    assert item.to_data() == {"title": "Welcome", "minutes": 15}
    item.lead = "chair"
    assert item.to_data() == {"title": "Welcome", "minutes": 15, "lead": "chair"}


def test_summit_counts_every_reply() -> None:
    summit = Summit(
        title="T",
        convener="c",
        organiser="o",
        start=datetime(2027, 1, 1, 9),
        venue="V",
        invitations={
            "a": Invitation(rsvp={"x": Rsvp.ACCEPTED, "y": Rsvp.DECLINED}),
            "b": Invitation(rsvp={"z": Rsvp.ACCEPTED}),
        },
    )
    counts = summit.rsvp_counts()
    assert counts[Rsvp.ACCEPTED] == 2
    assert counts[Rsvp.DECLINED] == 1
    assert counts[Rsvp.TENTATIVE] == 0


def test_the_control_character_class_covers_unicode_controls() -> None:
    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in {"Cc", "Cf", "Zl", "Zp"}
        and code not in (0x09, 0x0A, 0x200D)
        and not _CONTROLS.match(chr(code))
    ]
    assert missed == []
    assert _CONTROLS.search("emoji with joiner 👩\u200d💻 and an accent é") is None


def test_a_printable_value_holds_nothing_the_control_classes_refuse() -> None:
    # `_line` and `_text` take a printable value as it is, without searching it.
    let_through = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if chr(code).isprintable() and _CONTROLS_OR_BREAKS.match(chr(code))
    ]
    assert let_through == []


def test_one_line_fields_refuse_blank_long_and_broken_lines() -> None:
    for title, why in [
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("\u3000", "must not be empty"),
        ("x" * 201, "at most 200"),
        ("a\u2028b", "control character"),
    ]:
        with pytest.raises(ValidationError, match=why):
            AgendaItem(title=title, minutes=5)
    assert AgendaItem(title="x" * 200, minutes=5).title == "x" * 200
    with pytest.raises(ValidationError, match="the limit is 10000"):
        AgendaItem(title="Tea", minutes=5, notes="x" * 10_001)
