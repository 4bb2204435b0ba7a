"""Sandbox pages that show or set a network's secrets (a push target's secret key,
Telegram's secret_token, MAX's subscription secret, a Meta app secret) are for the
site's staff only (issue 12.6): a visitor is sent to the admin's login, a signed-in
user without access to the admin gets 403. The emulated public pages (walls, channels,
comment forms) stay open, as the networks' own are."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse


def refuse_unless_staff(request):
    """None for a signed-in admin user; else the response to give instead."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    return None


def staff_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return refuse_unless_staff(request) or view(request, *args, **kwargs)

    return wrapped
