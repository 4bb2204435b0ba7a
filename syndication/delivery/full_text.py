"""Long Telegram posts as a Telegraph page: the option of a Telegram account (issue 7).

When the account's settings name a Telegraph account (``AccountSettings.
full_text_account``) and the piece is too long for one Telegram message, the delivery
first makes a Telegraph page of the whole piece (``TelegraphNetwork`` render, the
Telegraph account's client), then renders the Telegram post with the page's URL as its
«Читать полностью» link (``RenderOptions.full_text_url``; the render stays pure).

Exactly one page per Telegram post. The ``FullTextPage`` row (unique per publish
delivery) is inserted BEFORE ``createPage`` is called, as a delivery is claimed before
it is sent: of two workers only the one whose INSERT succeeds creates the page; a retry,
a concurrent worker or a republish finds the row and reuses the page, a republish edits
it (``editPage``, a full replace that keeps the URL). A row left ``creating`` by a
worker that died is, after ``SYNDICATION_STALE_SENDING_AFTER``, taken as ``unknown``.

What happens when the page cannot be made (decided for issue 7). The Telegram post is
never lost and never waits long for Telegraph:

* a temporary Telegraph error (5xx, ``FLOOD_WAIT_n``, a refused connection) retries
  the whole Telegram delivery with the usual backoff, honouring ``FLOOD_WAIT``, while
  the delivery has had fewer than ``SYNDICATION_FULL_TEXT_PAGE_TRIES`` attempts (3);
* after that, or at once for an error that retrying will not cure (rejected content,
  a revoked token, no client), the post goes out with «Читать полностью» linking to
  the piece on the site instead, and the delivery log notes why;
* an unknown outcome of ``createPage`` (the request may have made a page) is not
  repeated: Telegraph has no de-duplication, so a resend could make a second page.
  The row stays ``unknown``, the post links to the site, the note asks a person to
  check the Telegraph account;
* a page that exists but could not be edited on republish stays linked as it is.

On unpublish the Telegram post is deleted; Telegraph cannot delete pages
(docs/networks.md §6.B.3), so the page is emptied to a short notice instead.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from datetime import timedelta
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext

from syndication.api import errors
from syndication.exceptions import SyndicationError, Unsupported
from syndication.models import AccountSettings, Delivery, FullTextPage
from syndication.networks import get_network
from syndication.networks.base import FULL_TEXT_PAGE
from syndication.networks.registry import get_spec

from . import clients, conf, messages, rendering, retries

logger = logging.getLogger(__name__)
State = FullTextPage.State
A = Delivery.Action

# A stand-in URL: the render is asked with it whether the text needs a page at all.
PROBE_URL = "https://telegra.ph/"
# What the «Соцсети» preview links to before a page exists.
PREVIEW_URL = "https://telegra.ph/…"
BUSY_WAIT_SECONDS = 60


class Wait(Exception):
    """Send the Telegram post later: the page is being made by another worker, or
    Telegraph asked us to come back."""

    def __init__(self, seconds: float, error: str = ""):
        super().__init__(error)
        self.seconds = seconds
        self.error = error


@dataclass
class PageLink:
    """What the Telegram render links to, and what the delivery log should say."""

    url: str
    note: str = ""
    summary: dict = field(default_factory=dict)


def telegraph_account_for(account):
    """The Telegraph account that takes ``account``'s long texts, or ``None``."""
    if not get_spec(account.network).long_text_pages or account.pk is None:
        return None
    settings = (
        AccountSettings.objects.filter(account=account)
        .select_related("full_text_account")
        .first()
    )
    target = settings.full_text_account if settings else None
    if target is None or not target.is_active:
        return None
    if not get_spec(target.network).hosts_long_texts:
        return None
    return target


def preview_options(account, options):
    """The preview of an account with the option shows the link to a page-to-be."""
    if telegraph_account_for(account) is None:
        return options
    return {**(options or {}), "full_text_url": PREVIEW_URL}


def link_for(delivery: Delivery) -> PageLink | None:
    """The page to link from this Telegram publish or edit, made or edited as needed;
    ``None`` when the option is off or the text fits one message. Raises ``Wait``
    when the Telegram post should be sent later."""
    telegraph = telegraph_account_for(delivery.account)
    if telegraph is None:
        return None
    probe = rendering.render_post(delivery, PROBE_URL)
    if FULL_TEXT_PAGE not in probe.warning_kinds():
        return None  # fits one message: no page
    origin = delivery if delivery.action == A.PUBLISH else delivery.origin
    record, ours = claim(origin, telegraph)
    if ours:
        return create_page(delivery, record)
    if record.state == State.CREATED:
        if record.revision_id == delivery.revision_id:
            return PageLink(record.url, summary={"page": "kept", "url": record.url})
        return edit_page(delivery, record)
    if record.state == State.CREATING and not give_up_on(record):
        raise Wait(BUSY_WAIT_SECONDS, str(messages.PAGE_BEING_CREATED))
    return fallback(delivery, messages.PAGE_MAY_EXIST, "unknown")


def claim(origin: Delivery, telegraph) -> tuple[FullTextPage, bool]:
    """The page row of ``origin``; ``True`` if this worker has just claimed the
    creation (a new row, or one whose earlier creation is known to have failed)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            record = FullTextPage.objects.create(
                post=origin, telegraph_account=telegraph, claimed_at=now
            )
        return record, True
    except IntegrityError:  # the row exists: someone claimed it before
        pass
    record = FullTextPage.objects.select_related("telegraph_account").get(post=origin)
    if record.state == State.FAILED:
        taken = FullTextPage.objects.filter(pk=record.pk, state=State.FAILED).update(
            state=State.CREATING, telegraph_account=telegraph, claimed_at=now
        )
        record.refresh_from_db()
        return record, bool(taken)
    return record, False


def give_up_on(record: FullTextPage) -> bool:
    """A creation older than a send may take belongs to a worker that died: its
    outcome is unknown from now on (never retried blindly)."""
    limit = timezone.now() - timedelta(seconds=conf.stale_sending_after())
    return bool(
        FullTextPage.objects.filter(
            pk=record.pk, state=State.CREATING, claimed_at__lt=limit
        ).update(state=State.UNKNOWN, error=str(messages.WORKER_LOST))
    )


def render_page(delivery: Delivery, telegraph):
    """The whole piece as a Telegraph page (the editor's Telegram choices do not apply:
    the page is the full text)."""
    piece = rendering.piece_of(delivery)
    return get_network(telegraph.network).render(piece, telegraph, None)


def _set(record: FullTextPage, **fields) -> None:
    FullTextPage.objects.filter(pk=record.pk).update(
        updated_at=timezone.now(), **fields
    )
    for name, value in fields.items():
        setattr(record, name, value)


def create_page(delivery: Delivery, record: FullTextPage) -> PageLink:
    telegraph = record.telegraph_account
    try:
        page_post = render_page(delivery, telegraph)
        ref = clients.client_for(telegraph).publish(page_post)
    except errors.OutcomeUnknown as exc:
        _set(record, state=State.UNKNOWN, error=str(exc))
        return fallback(delivery, messages.PAGE_MAY_EXIST, "unknown", exc)
    except (SyndicationError, Unsupported) as exc:  # known not to have made a page
        _set(record, state=State.FAILED, error=str(exc))
        return retry_or_fallback(delivery, exc, messages.PAGE_NOT_CREATED)
    except Exception as exc:  # a bug after the request may have left: never resend
        logger.exception("delivery %s: creating the Telegraph page", delivery.pk)
        _set(record, state=State.UNKNOWN, error=str(exc))
        return fallback(delivery, messages.PAGE_MAY_EXIST, "unknown", exc)
    data = clients.ref_to_dict(ref)
    path = (data.get("extra") or {}).get("path") or (data.get("ids") or [""])[0]
    _set(
        record,
        state=State.CREATED,
        path=str(path),
        url=clients.ref_url(ref),
        revision_id=delivery.revision_id,
        error="",
    )
    return PageLink(record.url, summary={"page": "created", "url": record.url})


def edit_page(delivery: Delivery, record: FullTextPage) -> PageLink:
    """A republish: the same page, replaced in full with the new revision."""
    telegraph = record.telegraph_account
    if telegraph is None:  # the Telegraph account was removed from the registry
        return fallback(delivery, messages.PAGE_NOT_UPDATED, "stale", url=record.url)
    try:
        page_post = render_page(delivery, telegraph)
        ref = clients.client_for(telegraph).edit(page_ref(record), page_post)
    except (SyndicationError, Unsupported) as exc:
        _set(record, error=str(exc))
        return retry_or_fallback(
            delivery, exc, messages.PAGE_NOT_UPDATED, url=record.url
        )
    _set(
        record,
        url=clients.ref_url(ref) or record.url,
        revision_id=delivery.revision_id,
        error="",
    )
    return PageLink(record.url, summary={"page": "edited", "url": record.url})


def page_ref(record: FullTextPage) -> dict:
    return {"ids": [record.path], "url": record.url, "extra": {"path": record.path}}


def retry_or_fallback(delivery, exc, note, url: str = "") -> PageLink:
    # editPage is a full replace: an unknown outcome of it is as safe to retry.
    retryable = isinstance(exc, errors.TransientError) or (
        url and isinstance(exc, errors.OutcomeUnknown)
    )
    if retryable and delivery.attempts < conf.full_text_page_tries():
        wait = retries.backoff_seconds(
            delivery.attempts, getattr(exc, "retry_after", None)
        )
        raise Wait(wait, str(format_lazy(messages.PAGE_RETRY, error=exc)))
    return fallback(delivery, note, "stale" if url else "site", exc, url=url)


def fallback(delivery, note, kind: str, exc=None, url: str = "") -> PageLink:
    """Send the Telegram post without a (new) page: linking the existing page, else
    the piece on the site, else (no URL at all) with follow-up messages."""
    url = url or rendering.piece_of(delivery).url
    text = str(note)
    if exc is not None:
        text = f"{text} ({exc})"
    logger.warning("delivery %s: %s", delivery.pk, text)
    return PageLink(url, text, {"page": f"fallback_{kind}", "url": url})


def page_of(delivery: Delivery) -> FullTextPage | None:
    """The Telegraph page behind a Telegram post's publish, edit or delete delivery."""
    post_id = delivery.pk if delivery.action == A.PUBLISH else delivery.origin_id
    return (
        FullTextPage.objects.filter(post_id=post_id)
        .select_related("telegraph_account")
        .first()
    )


def settle_unknown(record: FullTextPage, url: str = "", by: str = "") -> bool:
    """A person checked the Telegraph account after an unknown outcome.

    With the address of the page they found, the page counts as ours: the post's next
    republish edits it and links it (no revision, so the edit is due). Without one,
    no page was made: the next republish creates it. Returns ``False`` when the row
    was not (or no longer) unknown, so two people cannot settle it twice."""
    if url:
        fields = {"state": State.CREATED, "url": url, "path": path_from_url(url)}
    else:
        fields = {"state": State.FAILED, "url": "", "path": ""}
    note = gettext("Checked by %(user)s.") % {"user": by or "—"}
    settled = FullTextPage.objects.filter(pk=record.pk, state=State.UNKNOWN).update(
        revision=None, error=note, updated_at=timezone.now(), **fields
    )
    if settled:
        logger.info("Telegraph page %s settled by %s: %s", record.pk, by, url or "none")
    return bool(settled)


def path_from_url(url: str) -> str:
    """``https://telegra.ph/Title-12-02`` → ``Title-12-02``: the page's path is the
    last segment of its address (the sandbox's ``…/p/<path>/`` too)."""
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]


def retract_page(delivery: Delivery) -> str:
    """After the Telegram post is deleted: Telegraph has no delete, so the page is
    replaced by a notice. Returns a note for the log when that failed."""
    record = (
        FullTextPage.objects.filter(post_id=delivery.origin_id, state=State.CREATED)
        .select_related("telegraph_account")
        .first()
    )
    if record is None or record.telegraph_account is None:
        return ""
    try:
        page_post = render_page(delivery, record.telegraph_account)
        with translation.override("ru"):
            notice = [{"tag": "p", "children": [gettext("This piece was withdrawn.")]}]
        message = replace(
            page_post.messages[0], text=json.dumps(notice, ensure_ascii=False)
        )
        page_post.messages[:] = [message]
        clients.client_for(record.telegraph_account).edit(page_ref(record), page_post)
    except Exception as exc:  # the post is gone already; the page is for a person
        logger.warning("delivery %s: emptying the Telegraph page: %s", delivery.pk, exc)
        return str(format_lazy(messages.PAGE_NOT_WITHDRAWN, url=record.url, error=exc))
    _set(record, revision_id=None, error="")
    return ""
