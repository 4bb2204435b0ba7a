"""Two-factor authentication of Vestnik's own admin (django-otp, TOTP).

Any admin user may enrol a TOTP device; once enrolled, every session must be verified.
Members of the registry keeper and technical officer groups must enrol: they hold the keys
of every account. The middleware sends them to the setup or verify page until they do."""

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import conf
from .conf import CREDENTIAL_GROUPS

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def otp_required(user) -> bool:
    if not conf.app_settings.REQUIRE_OTP or not user.is_authenticated:
        return False
    return user.groups.filter(name__in=CREDENTIAL_GROUPS).exists()


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class RequireOTPMiddleware:
    """After django_otp's OTPMiddleware: keep unverified users on the 2FA pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._redirect(request)
        if redirect_to:
            return redirect(f"{redirect_to}?next={request.get_full_path()}")
        return self.get_response(request)

    def _redirect(self, request) -> str | None:
        path = request.path
        user = getattr(request, "user", None)
        if not path.startswith(ADMIN_PREFIXES) or user is None:
            return None
        if not user.is_authenticated or user.is_verified():
            return None
        # The 2FA pages themselves, and the admin's icon sprite and translations, which
        # those pages fetch (and which hold nothing private).
        exempt = {
            reverse(name)
            for name in (
                "wagtailadmin_login",
                "wagtailadmin_logout",
                "wagtailadmin_sprite",
                "wagtailadmin_javascript_catalog",
                "registry_otp_setup",
                "registry_otp_verify",
            )
        }
        if path in exempt or path.startswith(settings.STATIC_URL):
            return None
        if confirmed_device(user):
            return reverse("registry_otp_verify")
        if otp_required(user):
            return reverse("registry_otp_setup")
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code from the authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def setup(request):
    """Enrol a TOTP device: show the key (and a QR code), confirm with a first code."""
    if confirmed_device(request.user):
        return redirect("registry_otp_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Вестник"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next(request))
        form.add_error("token", _("The code is wrong or expired."))
    return render(
        request,
        "accounts_registry/otp_setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "key": _b32(device),
            "required": otp_required(request.user),
            "next": _next(request),
        },
    )


def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect("registry_otp_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("The code is wrong or expired."))
    return render(
        request,
        "accounts_registry/otp_verify.html",
        {"form": form, "next": _next(request)},
    )


def _b32(device) -> str:
    return b32encode(device.bin_key).decode()


def _qr_svg(url: str) -> str:
    # Inside: segno is only needed on the enrolment page that shows the QR code.
    import segno

    return segno.make(url, error="m").svg_inline(scale=4)
