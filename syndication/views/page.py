"""The syndication panel of one page: choices, status of every delivery, and the
buttons to send now or delete the posts from the networks (after unpublishing)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from syndication import permissions
from syndication.delivery import scheduling
from syndication.models import AccountSettings, Delivery

from .forms import PageSyndicationForm


def editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    permissions.require(permissions.can_choose(request.user, page))
    return page


def page_syndication(request, page_id):
    page = editable_page(request, page_id)
    if request.method == "POST":
        form = PageSyndicationForm(request.POST, page=page)
        if form.is_valid():
            form.save()
            messages.success(request, _("Syndication choices saved."))
            return redirect("syndication_page", page_id=page.pk)
    else:
        form = PageSyndicationForm(
            initial=PageSyndicationForm.initial_for(page), page=page
        )
    deliveries = (
        Delivery.objects.filter(page=page)
        .select_related("account", "origin")
        .order_by("account__network", "account__name", "-pk")
    )
    held = AccountSettings.objects.filter(
        held_at__isnull=False, account__in={d.account for d in deliveries}
    ).select_related("account")
    return TemplateResponse(
        request,
        "syndication/page_panel.html",
        {
            "page": page,
            "form": form,
            "deliveries": deliveries,
            "held": held,
            "show_raw": permissions.reads_network_answers(request.user),
            "can_send": page.live and permissions.can_publish_posts(request.user, page),
            "can_delete_remote": not page.live
            and permissions.can_publish_posts(request.user, page)
            and deliveries.filter(
                action=Delivery.Action.PUBLISH, status="sent"
            ).exists(),
        },
    )


@require_POST
def page_send_now(request, page_id):
    page = editable_page(request, page_id)
    permissions.require(permissions.can_publish_posts(request.user, page))
    if not page.live:
        messages.error(request, _("The page is not published; publish it first."))
    else:
        created = scheduling.schedule_page(page)
        messages.success(request, _("Deliveries planned: %(n)s.") % {"n": len(created)})
    return redirect("syndication_page", page_id=page.pk)


@require_POST
def page_delete_remote(request, page_id):
    page = editable_page(request, page_id)
    permissions.require(permissions.can_publish_posts(request.user, page))
    jobs = scheduling.schedule_deletes(page)
    messages.success(
        request, _("Posts to delete from the networks: %(n)s.") % {"n": len(jobs)}
    )
    return redirect("syndication_page", page_id=page.pk)
