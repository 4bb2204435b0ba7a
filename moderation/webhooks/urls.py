"""``/hooks/<network>/<account-slug>/``: one route per network whose spec names a
webhook view (``syndication/networks/registry.py``); a view may ask for more of the
path (``route_suffix``)."""

from django.urls import path

from syndication.networks.registry import all_specs

app_name = "moderation_hooks"

urlpatterns = []
for _spec in all_specs():
    if _spec.comments_pushed:
        _view = _spec.load("webhook")
        urlpatterns.append(
            path(
                f"{_spec.code}/<slug:account_slug>/{_view.route_suffix}",
                _view.as_view(),
                name=_spec.code,
            )
        )
