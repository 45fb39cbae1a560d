"""Numbers in words people read: "1 reply", "2 replies"."""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and the noun that agrees with it (`plural` when it is not singular + "s")."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{count} {noun}"
