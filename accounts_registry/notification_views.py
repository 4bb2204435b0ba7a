"""«Сформировать уведомление»: choose a period or a set of events, get the letter as a
printable page, DOCX and PDF, and mark it sent — which records the outgoing number and
date on each event it lists."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.dates import ExactDateField
from cms.private_files import private_file_response

from .history import record_event
from .notification_doc import (
    DOCX_TYPE,
    build_docx,
    build_letter,
    build_pdf,
    render_html,
)
from .obligations import Notification, ReportObligation, local_today
from .requisites import LetterRequisites


class SelectForm(forms.Form):
    date_from = ExactDateField(label=gettext_lazy("From"), required=False)
    date_to = ExactDateField(label=gettext_lazy("To"), required=False)
    obligations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Events"),
        queryset=ReportObligation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "obligations"
        ].queryset = ReportObligation.objects.open().select_related("account")

    def chosen(self):
        chosen = self.cleaned_data["obligations"]
        if chosen:
            return chosen
        qs = ReportObligation.objects.open()
        if self.cleaned_data["date_from"]:
            qs = qs.filter(event_date__gte=self.cleaned_data["date_from"])
        if self.cleaned_data["date_to"]:
            qs = qs.filter(event_date__lte=self.cleaned_data["date_to"])
        return qs


class SentForm(forms.Form):
    outgoing_number = forms.CharField(label=gettext_lazy("Outgoing number"))
    sent_on = ExactDateField(label=gettext_lazy("Sent on"), initial=local_today)


@permission_required("accounts_registry.add_notification", raise_exception=True)
def new_notification(request):
    form = SelectForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        chosen = list(form.chosen())
        if not chosen:
            messages.error(request, _("No unreported events match the choice."))
        else:
            with transaction.atomic():
                notification = Notification.objects.create(created_by=request.user)
                ReportObligation.objects.filter(pk__in=[o.pk for o in chosen]).update(
                    notification=notification
                )
            return redirect("registry_notification", pk=notification.pk)
    return render(request, "accounts_registry/notification_new.html", {"form": form})


def _initial(request) -> dict:
    """«Сформировать уведомление» on an account's page comes with ``?account=``: that
    account's unreported events are ticked."""
    account = request.GET.get("account", "")
    if not account.isdigit():
        return {}
    return {"obligations": ReportObligation.objects.open().filter(account_id=account)}


def _obligations(notification):
    return notification.obligations.select_related("account").order_by("event_date")


def letter_for(notification):
    """The notification's letter, with its number and date once it is sent."""
    return build_letter(
        _obligations(notification), notification.outgoing_number, _date(notification)
    )


@permission_required("accounts_registry.view_notification", raise_exception=True)
def notification_page(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    letter = letter_for(notification)
    if request.GET.get("print") == "1":
        return HttpResponse(render_html(letter))
    return render(
        request,
        "accounts_registry/notification.html",
        {
            "notification": notification,
            "letter": letter,
            "missing_requisites": letter.requisites.missing(),
            "requisites_url": requisites_url(),
            "sent_form": SentForm(),
        },
    )


def requisites_url() -> str:
    return reverse(
        "wagtailsettings:edit",
        args=[LetterRequisites._meta.app_label, LetterRequisites._meta.model_name],
    )


def _date(notification) -> str:
    return notification.sent_on.strftime("%d.%m.%Y") if notification.sent_on else ""


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def file_name(notification, ext: str) -> str:
    """«notification-12.pdf», or with the outgoing number once sent («…-01-12-345»)."""
    number = slugify(notification.outgoing_number.replace("/", "-"))
    suffix = f"-{number}" if number else ""
    return f"notification-{notification.pk}{suffix}.{ext}"


@permission_required("accounts_registry.view_notification", raise_exception=True)
def notification_docx(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    content = build_docx(letter_for(notification))
    return _attachment(content, DOCX_TYPE, file_name(notification, "docx"))


@permission_required("accounts_registry.view_notification", raise_exception=True)
def notification_pdf(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    content = build_pdf(letter_for(notification))
    return _attachment(content, "application/pdf", file_name(notification, "pdf"))


@permission_required("accounts_registry.view_notification", raise_exception=True)
def sent_document(request, pk):
    """The letter as it was sent: a private file (issue 12.4), read only here."""
    notification = get_object_or_404(Notification, pk=pk)
    if not notification.document:
        raise Http404
    return private_file_response(notification.document, file_name(notification, "docx"))


@permission_required("accounts_registry.change_notification", raise_exception=True)
def mark_sent(request, pk):
    notification = get_object_or_404(Notification, pk=pk)
    form = SentForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        messages.error(request, _("Enter the outgoing number and the date."))
        return redirect("registry_notification", pk=pk)
    mark_notification_sent(
        notification,
        form.cleaned_data["outgoing_number"],
        form.cleaned_data["sent_on"],
        request.user,
    )
    messages.success(request, _("The notification is marked as sent."))
    return redirect("registry_notification", pk=pk)


def mark_notification_sent(notification, number: str, sent_on: datetime.date, user):
    with transaction.atomic():
        notification.outgoing_number = number
        notification.sent_on = sent_on
        obligations = list(_obligations(notification))
        letter = build_letter(obligations, number, sent_on.strftime("%d.%m.%Y"))
        if notification.document:  # sent again: the earlier copy goes
            notification.document.delete(save=False)
        notification.document.save(
            file_name(notification, "docx"),
            ContentFile(build_docx(letter)),
            save=False,
        )
        notification.save()
        for ob in obligations:
            ob.reported_on = sent_on
            ob.outgoing_number = number
            ob.save(update_fields=["reported_on", "outgoing_number"])
            record_event(
                ob.account,
                "reported",
                {
                    "report": [
                        "",
                        f"{ob.get_event_display()}: № {number} {sent_on:%d.%m.%Y}",
                    ]
                },
                actor=user,
            )
