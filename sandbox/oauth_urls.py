"""Included by ``sandbox.urls`` under ``oauth/`` (so served at ``/sandbox/oauth/``)."""

from django.urls import path, re_path

from . import oauth

NETWORK = r"(?P<network>vk|ok|facebook|instagram)"

urlpatterns = [
    re_path(rf"^{NETWORK}/authorize$", oauth.authorize, name="oauth_authorize"),
    re_path(rf"^{NETWORK}/token$", oauth.token, name="oauth_token"),
    path(
        "facebook/graph/<str:node>",
        oauth.facebook_graph,
        name="oauth_facebook_graph",
    ),
    path(
        "instagram/graph/<str:node>",
        oauth.instagram_graph,
        name="oauth_instagram_graph",
    ),
]
