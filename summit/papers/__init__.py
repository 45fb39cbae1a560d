"""The summit's papers: briefing pack, note of the meeting, press notice, transparency return.

`content` and `transparency` decide what goes in (pure: model in, blocks out);
`markdown`, `word` and `html` lay a paper out; `writing` joins them to the data
folder. Everything that leaves the department goes through
`summit.model.sensitivity.shareable`.
"""
