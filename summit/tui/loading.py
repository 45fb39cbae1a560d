"""Actions that need the data wait for it while it loads in the background.

The app shows the summits list before every file is loaded and checked (see
SummitApp.on_mount). An action that needs the data, asked for meanwhile, is
queued with a notice and runs once the data has loaded: never dropped.
"""

from collections.abc import Callable
from functools import partial, wraps
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from textual.app import App

from summit.tui.session import Session

WAITING = "Still loading the data: that happens as soon as it has loaded"


class HasSession(Protocol):
    @property
    def session(self) -> Session: ...

    @property
    def app(self) -> App[Any]: ...


P = ParamSpec("P")
Node = TypeVar("Node", bound=HasSession)


def needs_data(
    action: Callable[Concatenate[Node, P], None],
) -> Callable[Concatenate[Node, P], None]:
    """Run the action now if the data has loaded, else queue it and say so."""

    @wraps(action)
    def gated(node: Node, /, *args: P.args, **kwargs: P.kwargs) -> None:
        if not node.session.when_loaded(partial(action, node, *args, **kwargs)):
            node.app.notify(WAITING, timeout=3)

    return gated
