"""The registry's panel on the Wagtail dashboard: overdue reports, reports due within three
days, and accounts whose token has a problem — each with a link."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import conf
from .admin_filters import token_problem_q
from .models import AccessGrant, Account
from .obligations import ReportObligation, local_today
from .token_health import renews_itself, token_rows


class RegistryPanel(Component):
    name = "accounts_registry"
    template_name = "accounts_registry/dashboard_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = local_today()
        context = {
            "overdue": [],
            "due_soon": [],
            "token_problems": [],
            "ending_access": [],
        }
        if self.user.has_perm("accounts_registry.view_reportobligation"):
            base = ReportObligation.objects.select_related("account")
            context["overdue"] = list(base.overdue(today))
            context["due_soon"] = list(
                base.due_soon(today, conf.app_settings.DASHBOARD_DUE_SOON_DAYS)
            )
            context["notification_url"] = reverse("registry_notification_new")
        if self.user.has_perm("accounts_registry.view_account"):
            context["token_problems"] = [
                account
                for account in Account.objects.exclude(
                    status=Account.Status.DELETED
                ).filter(token_problem_q())
                if not _renews_in_time(account)
            ]
        if self.user.has_perm("accounts_registry.view_accessgrant"):
            # Access that ends within a week or has ended: revoke it on the network, then
            # remove the line (the history keeps it).
            soon = today + timezone.timedelta(
                days=conf.app_settings.EXPIRY_WARNING_DAYS
            )
            context["ending_access"] = list(
                AccessGrant.objects.filter(until__lte=soon).select_related(
                    "account", "user"
                )
            )
        context["today"] = today
        context["due_soon_days"] = conf.app_settings.DASHBOARD_DUE_SOON_DAYS
        return context

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        keys = ("overdue", "due_soon", "token_problems", "ending_access")
        if not any(context[key] for key in keys):
            return ""
        return render_to_string(self.template_name, context)


class TokenHealthPanel(Component):
    """The technician's panel: every account's token at a glance (``token_health``)."""

    name = "accounts_registry_tokens"
    template_name = "accounts_registry/token_health_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def is_shown(self) -> bool:
        user = self.user
        if not user.has_perm("accounts_registry.set_credential"):
            return False
        return user.is_superuser or user.groups.filter(name=conf.TECH_GROUP).exists()

    def get_context_data(self, parent_context=None):
        rows, blocked = token_rows()
        attention = [row for row in rows if row.needs_attention]
        return {
            "rows": rows,
            "blocked": blocked,
            "attention": len(attention),
            "can_change": self.user.has_perm("accounts_registry.change_account"),
        }

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        # The request gives the «Проверить сейчас» forms their CSRF token.
        request = parent_context.get("request") if parent_context else None
        return render_to_string(
            self.template_name, self.get_context_data(parent_context), request=request
        )


def _renews_in_time(account) -> bool:
    """A short-lived OAuth token that renews itself (the VK ID hour) is no problem while
    it works and has not run out; a failed renewal marks the health as an error."""
    return (
        account.health not in ("error", "revoked")
        and account.credential_expires_at is not None
        and account.credential_expires_at > timezone.now()
        and renews_itself(account)
    )
