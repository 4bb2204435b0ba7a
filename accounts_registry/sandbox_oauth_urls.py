"""Included by cms/urls.py under ``sandbox/oauth/`` when SANDBOX_ENABLED."""

from django.urls import path, re_path

from . import sandbox_oauth

NETWORK = r"(?P<network>vk|ok|facebook|instagram)"

urlpatterns = [
    re_path(
        rf"^{NETWORK}/authorize$",
        sandbox_oauth.authorize,
        name="sandbox_oauth_authorize",
    ),
    re_path(rf"^{NETWORK}/token$", sandbox_oauth.token, name="sandbox_oauth_token"),
    path(
        "facebook/graph/<str:node>",
        sandbox_oauth.facebook_graph,
        name="sandbox_oauth_facebook_graph",
    ),
    path(
        "instagram/graph/<str:node>",
        sandbox_oauth.instagram_graph,
        name="sandbox_oauth_instagram_graph",
    ),
]
