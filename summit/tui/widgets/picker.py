"""Choose a person or an organisation of the register by name; the id is what is kept.

Type part of a name, an organisation, a job title or an id (any case, anywhere
in the text): the list under the field narrows as you type, up/down move in
it and enter picks. The field then reads "Helen Marsh - DCMS - Secretary of
State" and holds `helen-marsh`, which is what the file stores. Text that names
nobody is refused with the closest names, so a typo never becomes an id.
"""

import difflib
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from summit.model import Register
from summit.model.text import visible
from summit.model.wording import counted

Choice = tuple[str, str]
"""What the list shows, and the id (or key) that is kept."""

LIMIT = 50
"""Rows shown at once: more than that, and typing narrows them faster than scrolling."""

_SEPARATOR = " - "

ADD_PERSON = "\x00add-person"
"""The key of the offer to add whom nobody answers to (never an id: ids are slugs)."""


def person_label(name: str, organisation: str, job_title: str) -> str:
    return _SEPARATOR.join(part for part in (name, organisation, job_title) if part)


def register_choices(
    register: Register, *, delegates: bool = True, organisations: bool = False
) -> list[Choice]:
    """The register's people ("Helen Marsh - DCMS - Secretary of State") and organisations."""
    choices: list[Choice] = []
    for org_id, organisation in register.organisations.items():
        if organisations:
            choices.append((f"{organisation.name} (organisation)", org_id))
        if delegates:
            choices.extend(
                (person_label(person.name, organisation.name, person.job_title), delegate_id)
                for delegate_id, person in organisation.delegates.items()
            )
    return choices


def organisation_words(register: Register) -> dict[str, str]:
    """Each organisation's words a person may type for it though they are not in its label.

    An owner is an organisation, but people think of whom they deal with ("aisha")
    or what it does ("mobile"): its people's names and job titles, its sector and notes.
    """
    return {
        org_id: " ".join(
            [
                str(organisation.sector),
                organisation.notes or "",
                *(f"{p.name} {p.job_title}" for p in organisation.delegates.values()),
            ]
        )
        for org_id, organisation in register.organisations.items()
    }


def matching(
    choices: Iterable[Choice], text: str, words: Mapping[str, str] | None = None
) -> list[Choice]:
    """The choices whose label, id or further `words` hold every word typed, ignoring case."""
    typed = text.casefold().split()
    more = words or {}
    return [
        (label, key)
        for label, key in choices
        if all(word in f"{label} {key} {more.get(key, '')}".casefold() for word in typed)
    ]


def _grams(text: str) -> set[str]:
    """The three-letter pieces of text (padded, so short words have some too)."""
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


@functools.lru_cache(maxsize=8)
def _parts_index(
    choices: tuple[Choice, ...],
) -> tuple[dict[str, list[Choice]], dict[str, set[str]]]:
    """Each id, label part and word (folded) with its choices; and each part by its pieces."""
    by_part: dict[str, list[Choice]] = {}
    for choice in choices:
        label, key = choice
        for part in {key, *label.split(_SEPARATOR), *label.split()}:
            by_part.setdefault(part.casefold(), []).append(choice)
    by_gram: dict[str, set[str]] = {}
    for part in by_part:
        for gram in _grams(part):
            by_gram.setdefault(gram, set()).add(part)
    return by_part, by_gram


def close_to(choices: Iterable[Choice], text: str, most: int = 2) -> list[Choice]:
    """The few choices nearest to text that matched none: "askfmx" finds ASKfm.

    Only the parts sharing the most three-letter pieces with the text are
    compared by difflib, so a register of thousands answers at typing speed.
    """
    by_part, by_gram = _parts_index(tuple(choices))
    wanted = text.casefold().strip()
    shared = Counter(part for gram in _grams(wanted) for part in by_gram.get(gram, ()))
    candidates = [part for part, _ in shared.most_common(200)]
    near: list[Choice] = []
    for part in difflib.get_close_matches(wanted, candidates, n=most * 4):
        near.extend(choice for choice in by_part[part] if choice not in near)
    return near[:most]


def resolve(choices: Sequence[Choice], text: str, what: str) -> str:
    """The id that `text` names: an id, a whole label or a whole name of one choice.

    Raises ValueError with what to do otherwise: pick among the matches, or
    the closest names when nothing matches.
    """
    typed = text.strip()
    folded = typed.casefold()
    for label, key in choices:
        if typed == key or folded == label.casefold():
            return key
    named = [key for label, key in choices if label.split(_SEPARATOR)[0].casefold() == folded]
    if len(named) == 1:
        return named[0]
    found = matching(choices, typed)
    if found:
        many = counted(len(found), "match", "matches")
        raise ValueError(f"{many} for {typed!r}: pick with up/down and enter")
    near = close_to(choices, typed)
    hint = (
        "; did you mean " + " or ".join(repr(label) for label, _ in near) + "?"
        if near
        else "; type part of a name, organisation or job title"
    )
    raise ValueError(f"no {what} {typed!r}{hint}")


class Picker(Widget):
    """An input with a list of matching choices under it; `picked` is the chosen id."""

    BINDINGS = [
        Binding("down", "move(1)", "Next match", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Previous match", show=False, id="picker.up"),
        Binding("escape", "close", "Close the list", show=False, id="picker.close"),
    ]

    class Changed(Message):
        """The text or the pick changed."""

        def __init__(self, picker: "Picker") -> None:
            super().__init__()
            self.picker = picker

        @property
        def control(self) -> "Picker":
            return self.picker

    class AddPerson(Message):
        """The offer was taken: add `name` to the register, then pick them (`Picker.add`)."""

        def __init__(self, picker: "Picker", name: str) -> None:
            super().__init__()
            self.picker = picker
            self.name = name

        @property
        def control(self) -> "Picker":
            return self.picker

    def __init__(
        self,
        choices: Sequence[Choice],
        value: str | None = None,
        *,
        placeholder: str = "type part of a name, organisation or job title",
        always_open: bool = False,
        words: Mapping[str, str] | None = None,
        offer_add: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.offer_add = offer_add
        """When what is typed finds nobody, offer to add that person to the register."""
        self.choices = list(choices)
        self.words = words or {}
        """Further words each choice is found by, unshown (see organisation_words)."""
        self.labels = {key: label for label, key in self.choices}
        self.picked = value if value in self.labels else None
        self.always_open = always_open
        shown = self.labels.get(value, value) if value else ""
        self._input = Input(shown, placeholder=placeholder, compact=True)
        self._list = OptionList(markup=False, classes="picker-options")
        self._list.can_focus = False  # the input keeps the focus; clicks still pick

    @property
    def value(self) -> str:
        """The text in the field (a label once something is picked)."""
        return self._input.value

    @value.setter
    def value(self, text: str) -> None:
        self._input.value = text

    def compose(self) -> ComposeResult:
        yield self._input
        yield self._list

    def on_mount(self) -> None:
        self._show(self.value if self.always_open else None)

    def focus(self, scroll_visible: bool = True) -> Self:
        self._input.focus(scroll_visible)
        return self

    def _show(self, text: str | None) -> None:
        """List the matches of `text`; None hides the list."""
        options = self._list
        if text is None:
            options.display = False
            return
        typed = "" if text == self.labels.get(self.picked or "") else text
        found = matching(self.choices, typed, self.words)
        options.clear_options()
        options.add_options(Option(visible(label), id=key) for label, key in found[:LIMIT])
        if not found and typed.strip() and self.offer_add:
            found = [(f"+ Add {typed.strip()!r} to the register (enter)", ADD_PERSON)]
            options.add_option(Option(visible(found[0][0]), id=ADD_PERSON))
        options.display = bool(found) or self.always_open
        if found and not self.always_open:
            # In a long form the list may open below the fold: bring it into view.
            self.call_after_refresh(options.scroll_visible, animate=False)
        if found:
            options.highlighted = next(
                (i for i, (_, key) in enumerate(found[:LIMIT]) if key == self.picked), 0
            )

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.picked is not None and event.value != self.labels[self.picked]:
            self.picked = None
        if self.picked is None:
            self._show(event.value if event.value or self.always_open else None)
        self.post_message(self.Changed(self))

    def pick(self, key: str) -> None:
        if key == ADD_PERSON:
            self.post_message(self.AddPerson(self, self._input.value.strip()))
            return
        self.picked = key
        with self._input.prevent(Input.Changed):
            self._input.value = self.labels[key]
        self._input.cursor_position = len(self._input.value)
        self._show(None if not self.always_open else "")
        self.post_message(self.Changed(self))

    def add(self, label: str, key: str) -> None:
        """A choice added to the register meanwhile, picked."""
        if key not in self.labels:
            self.choices.append((label, key))
            self.labels[key] = label
        self.pick(key)

    @property
    def highlighted(self) -> str | None:
        """The id under the list's cursor, when the list is shown."""
        options = self._list
        if not options.display or options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        key = self.highlighted
        if key is not None and key != self.picked:
            event.stop()  # enter picks; with nothing to pick it goes on (and saves the form)
            self.pick(key)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.pick(event.option.id)
        self._input.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With the list closed, escape goes on to the form (cancel) and down opens the list.
        if action == "close":
            return bool(self._list.display) and not self.always_open
        return True

    def action_move(self, step: int) -> None:
        options = self._list
        if not options.display:
            self._show("")
            return
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self._show(None)

    def on_descendant_blur(self) -> None:
        # A click on a match takes the focus first (to the form): keep the list for the click.
        clicked = self._list.display and self._list.region.contains_point(self.app.mouse_position)
        if not self.always_open and not clicked:
            self._show(None)


class PickerScreen(ModalScreen[str | None]):
    """Pick one of many by typing part of it; dismisses with its id, or None."""

    CSS_PATH = "picker.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="picker-screen.cancel")]

    def __init__(self, title: str, choices: Sequence[Choice], what: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.what = what
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="picker-dialog"):
            yield Label(visible(self.title_text), classes="picker-title", markup=False)
            if self.hint:
                yield Static(visible(self.hint), classes="picker-hint", markup=False)
            yield Picker(self.choices, always_open=True, id="picker")
            yield Static("", id="picker-error", classes="picker-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Picker).focus()

    @on(Picker.Changed)
    def _changed(self, event: Picker.Changed) -> None:
        picker = event.picker
        if picker.picked is not None:
            self.dismiss(picker.picked)
            return
        # Nothing left in the list: say so at once, with the closest names.
        problem = ""
        if picker.value.strip() and picker.highlighted is None:
            try:
                resolve(self.choices, picker.value, self.what)
            except ValueError as refused:
                problem = visible(str(refused))
        self.query_one("#picker-error", Static).update(problem)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter with nothing highlighted: take what was typed, or say why not."""
        try:
            self.dismiss(resolve(self.choices, event.value, self.what))
        except ValueError as problem:
            self.query_one("#picker-error", Static).update(visible(str(problem)))
