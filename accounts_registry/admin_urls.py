"""The account's page in the admin, linked from the dashboard, the token panel, the
registry's own forms and the OAuth callback: one place that knows its URL name."""

from django.urls import path, reverse
from django.views.generic import RedirectView

ACCOUNT_PAGE = "registry_account:inspect"


def account_url(account_or_pk) -> str:
    pk = getattr(account_or_pk, "pk", account_or_pk)
    return reverse(ACCOUNT_PAGE, args=[pk])


def legacy_urls(viewsets) -> list:
    """wagtail-modeladmin's «…/create/» (bookmarked, linked from old letters and notes)
    answers with the viewset's «…/new/». Its other paths (list, edit, delete, inspect,
    history) are the same under ModelViewSet."""
    return [
        path(
            f"{viewset.url_prefix}/create/",
            RedirectView.as_view(
                pattern_name=viewset.get_url_name("add"), query_string=True
            ),
        )
        for viewset in viewsets
    ]
