"""The delivery log: filters by status, network, account and page; retry and cancel;
the Telegraph page of a long Telegram post, settled by a person when in doubt."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import URLValidator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts_registry.models import Account
from accounts_registry.networks import Network
from cms.templatetags.typography import typeset
from syndication import permissions
from syndication.delivery import full_text, state
from syndication.models import Delivery
from syndication.networks import registry

from .attention import NEEDS_A_PERSON, piece_title

PER_PAGE = 50


def filtered(params):
    qs = Delivery.objects.select_related("account", "page", "origin").order_by(
        "-scheduled_at", "-pk"
    )
    if params.get("status") == "needs_attention":
        qs = qs.filter(status__in=NEEDS_A_PERSON)
    elif params.get("status"):
        qs = qs.filter(status=params["status"])
    if params.get("network"):
        qs = qs.filter(account__network=params["network"])
    if params.get("account"):
        qs = qs.filter(account_id=params["account"])
    if params.get("page"):
        qs = qs.filter(page_id=params["page"])
    if params.get("action"):
        qs = qs.filter(action=params["action"])
    return qs


@permission_required("syndication.view_delivery", raise_exception=True)
def delivery_log(request):
    params = {
        k: request.GET.get(k, "")
        for k in ("status", "network", "account", "page", "action")
    }
    paginator = Paginator(filtered(params), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "syndication/log.html",
        {
            "page_obj": page_obj,
            "params": params,
            "statuses": Delivery.Status.choices,
            "actions": Delivery.Action.choices,
            "networks": Network.choices,
            "accounts": Account.objects.order_by("network", "name"),
            "query": request.GET.urlencode(),
            "can_act": permissions.can_act_on_deliveries(request.user),
            "show_raw": permissions.reads_network_answers(request.user),
        },
    )


# The statuses state.reschedule and state.cancel act on: a button that would change
# nothing (retrying a sent post) is not offered.
RETRYABLE = {
    Delivery.Status.FAILED,
    Delivery.Status.NEEDS_CHECK,
    Delivery.Status.CANCELLED,
}
CANCELLABLE = {
    Delivery.Status.SCHEDULED,
    Delivery.Status.FAILED,
    Delivery.Status.NEEDS_CHECK,
}


def held_since(delivery):
    """When the account's sending stopped because the network refused its key: the
    delivery still reads «scheduled», but nothing goes out until the key is replaced."""
    if delivery.status != Delivery.Status.SCHEDULED:
        return None
    settings = getattr(delivery.account, "syndication_settings", None)
    return settings.held_at if settings is not None else None


def credential_url(user, account) -> str:
    if not user.has_perm("accounts_registry.set_credential"):
        return ""
    return reverse("registry_set_credential", args=[account.pk])


@permission_required("syndication.view_delivery", raise_exception=True)
def delivery_detail(request, pk):
    delivery = get_object_or_404(
        Delivery.objects.select_related("account", "page", "origin"), pk=pk
    )
    return TemplateResponse(
        request,
        "syndication/delivery_detail.html",
        {
            "delivery": delivery,
            # «8 %» stays on one line in the page's heading (the site's typography)
            "title": typeset(piece_title(delivery)),
            "network": registry.name_of(delivery.account.network),
            "next_attempt": delivery.next_attempt_at
            if delivery.status == Delivery.Status.SCHEDULED
            and delivery.next_attempt_at
            and delivery.next_attempt_at > timezone.now()
            and not held_since(delivery)  # it waits for a key, not for a time
            else None,
            "attempts": delivery.attempt_log.order_by("number"),
            "full_text_page": full_text.page_of(delivery),
            "can_act": permissions.can_act_on_deliveries(request.user),
            "can_retry": delivery.status in RETRYABLE,
            "can_cancel": delivery.status in CANCELLABLE,
            "held_since": held_since(delivery),
            "credential_url": credential_url(request.user, delivery.account),
            # The API calls as recorded are the technician's reading, not the
            # chief editor's, who comes here from a «needs a check» notice.
            "show_request": permissions.reads_network_answers(request.user),
        },
    )


def valid_url(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


def back(request, default: str):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(default)


@require_POST
@permission_required("syndication.change_delivery", raise_exception=True)
def delivery_action(request):
    ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
    action = request.POST.get("do")
    if action == "retry":
        count = state.reschedule(ids)
        messages.success(request, _("Deliveries queued again: %(n)s.") % {"n": count})
    elif action == "cancel":
        count = state.cancel(ids)
        messages.success(request, _("Deliveries cancelled: %(n)s.") % {"n": count})
    elif action == "mark_sent":
        url = request.POST.get("remote_url", "").strip()
        if url and not valid_url(url):
            messages.error(request, _("The post's address must start with https://."))
            return back(request, "syndication_log")
        count = state.mark_checked_as_sent(ids, url)
        messages.success(
            request, _("Marked as sent after a check: %(n)s.") % {"n": count}
        )
    else:
        messages.error(request, _("Unknown action."))
    return back(request, "syndication_log")


@require_POST
@permission_required("syndication.change_delivery", raise_exception=True)
def settle_full_text_page(request, pk):
    """After «the Telegraph page may exist»: a person says what they found there."""
    delivery = get_object_or_404(Delivery, pk=pk)
    record = full_text.page_of(delivery)
    default = reverse("syndication_delivery", args=[pk])
    if record is None:
        raise Http404
    url = ""
    if request.POST.get("do") == "found":
        url = request.POST.get("url", "").strip()
        if not valid_url(url):
            messages.error(
                request,
                _("Paste the address of the Telegraph page, starting with https://."),
            )
            return redirect(default)
    if full_text.settle_unknown(record, url, by=request.user.get_username()):
        if url:
            done = _("The page is linked; the next republish updates it and the post.")
        else:
            done = _("Noted: no page. The next republish creates one.")
        messages.success(request, done)
    else:
        messages.error(request, _("Someone has already settled this page."))
    return redirect(default)
