"""One screen per module, each with its Textual CSS beside it."""
