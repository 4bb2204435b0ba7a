"""An author's picture that the network gives only behind the account's token
(Telegram's file links carry the bot token): fetched by the server, kept a day."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from accounts_registry.models import Account

from ..actions import get_client
from ..authors import picture_module
from ..permissions import moderator_required

logger = logging.getLogger(__name__)
KEEP_SECONDS = 24 * 3600
FAILED_SECONDS = 300


@require_GET
@moderator_required
def author_avatar(request, account_pk: int, author_id: str):
    account = get_object_or_404(Account, pk=account_pk)
    module = picture_module(account.network)
    if module is None:
        raise Http404
    file_id = request.GET.get("file", "")
    if not file_id or len(file_id) > 300:
        raise Http404
    key = f"moderation-avatar:{account.pk}:{file_id}"
    picture = cache.get(key)
    if picture is None:
        try:
            picture = module.download(get_client(account), file_id) or ()
        except Exception as exc:  # a network fault: the page shows no picture
            logger.warning("avatar of %s on %s failed: %s", author_id, account.pk, exc)
            cache.set(key, (), FAILED_SECONDS)
            raise Http404 from exc
        cache.set(key, picture, KEEP_SECONDS)
    if not picture:
        raise Http404
    kind, body = picture
    response = HttpResponse(body, content_type=kind)
    response["Cache-Control"] = "private, max-age=86400"
    # An SVG opened on its own must not run anything on the admin's origin.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
