"""List filters of the register that are not plain fields."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import conf
from .obligations import ReportObligation, local_today


def overdue_q() -> Q:
    overdue = ReportObligation.objects.overdue(local_today())
    return Q(pk__in=overdue.values("account_id"))


def token_problem_q() -> Q:
    limit = timezone.now() + timezone.timedelta(
        days=conf.app_settings.EXPIRY_WARNING_DAYS
    )
    return Q(health__in=["error", "revoked"]) | Q(credential_expires_at__lte=limit)


class OverdueReportFilter(SimpleListFilter):
    title = _("report to the media department")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("overdue")), ("no", _("nothing overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(overdue_q())
        if self.value() == "no":
            return queryset.exclude(overdue_q())
        return queryset


class TokenProblemFilter(SimpleListFilter):
    title = _("token")
    parameter_name = "token"

    def lookups(self, request, model_admin):
        return [
            ("problem", _("problem or expiring")),
            ("missing", _("not set")),
            ("ok", _("no problems")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "problem":
            return queryset.filter(token_problem_q())
        if self.value() == "missing":
            return queryset.filter(credential_set_at__isnull=True)
        if self.value() == "ok":
            return queryset.exclude(token_problem_q()).filter(
                credential_set_at__isnull=False
            )
        return queryset
