"""Delivery: the outbox sent over SMTP, replies read from a mailbox, the calendar over CalDAV.

The only place summit talks to the network. Workflows here join the
invitations layer (what to send) with a relay, mailbox or calendar server;
the network libraries are imported inside the functions that use them.
"""
