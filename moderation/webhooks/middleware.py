"""Webhook requests skip the middleware made for people (issue 11.8).

Placed right after Django's SecurityMiddleware (which still redirects plain HTTP and
sets its headers): a request under ``/hooks/`` goes straight to its view. Sessions,
authentication, one-time passwords, messages, CSRF (the views are exempt), the
content security policy (the answers are ``ok`` or JSON to a network's server, never
a page), Wagtail's redirects and django-axes have nothing to do for a network's
server, and together cost about as much CPU as storing the event. A path under
``/hooks/`` that matches no webhook falls through to the usual chain (its 404)."""

from __future__ import annotations

from django.urls import Resolver404, resolve

PREFIX = "/hooks/"


class WebhookMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        if match.app_name != "moderation_hooks":  # Wagtail's pages catch the rest
            return self.get_response(request)
        request.resolver_match = match
        return match.func(request, *match.args, **match.kwargs)
