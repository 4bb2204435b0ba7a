"""The filters of the register's lists (django-filter, drawn by Wagtail's listing)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from . import conf
from .access import AccessGrant
from .models import Account
from .obligations import ReportObligation, local_today


def overdue_q() -> Q:
    overdue = ReportObligation.objects.overdue(local_today())
    return Q(pk__in=overdue.values("account_id"))


def token_problem_q() -> Q:
    limit = timezone.now() + timezone.timedelta(
        days=conf.app_settings.EXPIRY_WARNING_DAYS
    )
    return Q(health__in=["error", "revoked"]) | Q(credential_expires_at__lte=limit)


def _choice(label, choices, **kwargs) -> django_filters.ChoiceFilter:
    """A filter the way Wagtail draws its own: radio buttons with «Все» first."""
    return django_filters.ChoiceFilter(
        label=capfirst(label),
        choices=choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        **kwargs,
    )


def _field_choices(model, name):
    return model._meta.get_field(name).choices


class AccountFilterSet(WagtailFilterSet):
    # The parameters are those of the wagtail-modeladmin list, so bookmarked lists
    # («?overdue=yes&token=problem») still filter.
    network = _choice(_("network"), _field_choices(Account, "network"))
    status = _choice(_("status"), _field_choices(Account, "status"))
    kind = _choice(_("kind"), _field_choices(Account, "kind"))
    overdue = _choice(
        _("report to the media department"),
        [("yes", _("overdue")), ("no", _("nothing overdue"))],
        method="filter_overdue",
    )
    token = _choice(
        _("token"),
        [
            ("problem", _("problem or expiring")),
            ("missing", _("not set")),
            ("ok", _("no problems")),
        ],
        method="filter_token",
    )

    class Meta:
        model = Account
        fields = ["network", "status", "kind", "overdue", "token"]

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(overdue_q())
        if value == "no":
            return queryset.exclude(overdue_q())
        return queryset

    def filter_token(self, queryset, name, value):
        if value == "problem":
            return queryset.filter(token_problem_q())
        if value == "missing":
            return queryset.filter(credential_set_at__isnull=True)
        if value == "ok":
            return queryset.exclude(token_problem_q()).filter(
                credential_set_at__isnull=False
            )
        return queryset


class ObligationFilterSet(WagtailFilterSet):
    event = _choice(_("event"), _field_choices(ReportObligation, "event"))
    state = _choice(
        _("state"),
        [("open", _("not reported")), ("overdue", _("overdue")), ("sent", _("sent"))],
        method="filter_state",
    )

    class Meta:
        model = ReportObligation
        fields = ["event", "state"]

    def filter_state(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        if value == "overdue":
            return queryset.overdue(local_today())
        if value == "sent":
            return queryset.filter(reported_on__isnull=False)
        return queryset


class AccessFilterSet(WagtailFilterSet):
    role = _choice(_("role"), _field_choices(AccessGrant, "role"))
    # The parameter modeladmin's list filter used, so bookmarked lists still filter.
    account__network = _choice(
        _("network"), _field_choices(Account, "network"), field_name="account__network"
    )

    class Meta:
        model = AccessGrant
        fields = ["role", "account__network"]
