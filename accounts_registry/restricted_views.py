"""«Заблокированные сети»: the state of Facebook and Instagram, the legal warning, the
record of every switch, and the form that switches one on or off (with a reason and an
explicit acknowledgement)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .networks import RESTRICTED_NETWORKS, Network
from .restricted import (
    RestrictedNetworkDecision,
    decide,
    enabled_networks,
    legal_warning,
)


class DecisionForm(forms.Form):
    network = forms.ChoiceField(
        label=gettext_lazy("Network"),
        choices=[(code, Network(code).label) for code in sorted(RESTRICTED_NETWORKS)],
    )
    enabled = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("1", gettext_lazy("Enable")), ("0", gettext_lazy("Disable"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy(
            "The basis for the decision: an order, a letter, a decision of the head."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    acknowledge = forms.BooleanField(
        label=gettext_lazy("I have read the legal warning above"),
        required=True,
    )


@permission_required("accounts_registry.view_restrictednetworkdecision")
def restricted_networks(request):
    can_decide = request.user.has_perm(
        "accounts_registry.add_restrictednetworkdecision"
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not can_decide:
            messages.error(request, _("You may not change this setting."))
            return redirect("registry_restricted_networks")
        if form.is_valid():
            data = form.cleaned_data
            decide(
                data["network"],
                data["enabled"],
                reason=data["reason"],
                user=request.user,
            )
            label = Network(data["network"]).label
            if data["enabled"]:
                text = _("%(network)s is enabled. The decision is recorded.")
            else:
                text = _("%(network)s is disabled. The decision is recorded.")
            messages.success(request, text % {"network": label})
            return redirect("registry_restricted_networks")
    enabled = enabled_networks()
    states = [
        {"code": code, "label": Network(code).label, "enabled": code in enabled}
        for code in sorted(RESTRICTED_NETWORKS)
    ]
    return render(
        request,
        "accounts_registry/restricted_networks.html",
        {
            "states": states,
            "warning": legal_warning(),
            "form": form if can_decide else None,
            "decisions": RestrictedNetworkDecision.objects.select_related("user")[:100],
        },
    )
