"""Signals moderation sends."""

from django.dispatch import Signal

# Incoming comments a person must look at: webhook events the batch set aside after
# ``batch.MAX_ATTEMPTS`` (or refused outright). Sent once per batch, after its commit,
# the sibling of ``syndication.signals.delivery_needs_attention`` (issue 11.6).
# sender=WebhookEvent; kwargs: events=list[WebhookEvent] (failed, last_error set).
# ``moderation.set_aside.notify_responsible`` e-mails the technicians.
webhook_events_set_aside = Signal()
