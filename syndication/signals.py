"""Signals syndication sends. Receivers must not assume the network module's internals."""

from django.dispatch import Signal

# sender=network code; kwargs: account=Account, comment=RemoteComment, raw=dict
comment_received = Signal()

# A delivery now waits for a person (issue 11.6). Sent once the change is committed.
# sender=Delivery; kwargs: delivery=Delivery (status needs_check or failed, last_error
# the reason in Russian). ``syndication.notifications`` e-mails the people
# responsible; the editor's desk may add its own receivers.
delivery_needs_attention = Signal()
