"""«Список доступа»: who holds which role on which account (order, 1.3.2), in Wagtail's
admin. Each change lands in the account's history with the admin user who made it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from . import admin_words
from .access import AccessGrant
from .admin_base import (
    ChangedByMixin,
    RegistryCreateView,
    RegistryDeleteView,
    RegistryEditView,
    RegistryViewSet,
)
from .admin_columns import day
from .admin_filters import AccessFilterSet


class AccessGrantForm(WagtailAdminModelForm):
    """Vestnik users are chosen by their name, not their login."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].label_from_instance = _person

    class Meta:
        model = AccessGrant
        fields = ["account", "user", "person", "role", "since", "until", "note"]


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


class AccessCreateView(ChangedByMixin, RegistryCreateView):
    pass


class AccessEditView(ChangedByMixin, RegistryEditView):
    pass


class AccessDeleteView(RegistryDeleteView):
    def delete_action(self):
        # The history line «access removed» names who removed it.
        self.object.changed_by = self.request.user
        super().delete_action()


class AccessViewSet(RegistryViewSet):
    model = AccessGrant
    words = admin_words.ACCESS
    icon = "lock"
    url_prefix = "accounts_registry/accessgrant"
    add_view_class = AccessCreateView
    edit_view_class = AccessEditView
    delete_view_class = AccessDeleteView
    list_display = [
        "account",
        Column("who", label=_("Who")),
        "role",
        day(AccessGrant, "since"),
        day(AccessGrant, "until"),
    ]
    filterset_class = AccessFilterSet
    search_fields = ["person", "user__username", "user__last_name", "account__name"]
    edit_handler = ObjectList(
        [
            FieldPanel("account"),
            FieldRowPanel([FieldPanel("user"), FieldPanel("person")]),
            FieldPanel("role"),
            FieldRowPanel([FieldPanel("since"), FieldPanel("until")]),
            FieldPanel("note"),
        ],
        base_form_class=AccessGrantForm,
    )


access_viewset = AccessViewSet("registry_accessgrant")
