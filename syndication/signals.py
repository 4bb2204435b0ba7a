"""Signals syndication sends. Receivers must not assume the network module's internals."""

from django.dispatch import Signal

# sender=network code; kwargs: account=Account, comment=RemoteComment, raw=dict
comment_received = Signal()
