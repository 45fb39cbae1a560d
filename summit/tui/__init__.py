"""The Textual app. It edits a Workspace and never opens a data file itself."""
