"""What the register's three admin screens (accounts, reports, access list) share:
Wagtail's generic model views with the register's own words, and a viewset that hands
those words to each view."""

from django.db.models import Q
from django.forms import Media
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_words import (
    CreateWordsMixin,
    DeleteWordsMixin,
    EditWordsMixin,
    IndexWordsMixin,
    InspectWordsMixin,
    ViewSetWordsMixin,
)

# Every list of the register wraps between words only (admin.css).
LIST_CSS = ["accounts_registry/admin.css"]


class RegistryIndexView(IndexWordsMixin, generic.IndexView):
    results_template_name = "accounts_registry/admin/index_results.html"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["media"] += Media(css={"all": LIST_CSS})
        return context

    def search_queryset(self, queryset):
        # Every word in some field, as the register's search always found
        # («Минсоц Кузбасс»); Wagtail's own looks for the whole phrase in one field.
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            matches = Q()
            for field in self.search_fields:
                matches |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(matches)
        return queryset.distinct()


class RegistryCreateView(CreateWordsMixin, generic.CreateView):
    pass


class RegistryEditView(EditWordsMixin, generic.EditView):
    pass


class RegistryDeleteView(DeleteWordsMixin, generic.DeleteView):
    pass


class RegistryInspectView(InspectWordsMixin, generic.InspectView):
    pass


class ChangedByMixin:
    """Record the admin user as the author of the change in the account's history."""

    def form_valid(self, form):
        form.instance.changed_by = self.request.user
        return super().form_valid(form)


class RegistryViewSet(ViewSetWordsMixin, ModelViewSet):
    """A list of the register. No «Копировать»: a copied account or report would be a
    second row for the same thing on the network."""

    copy_view_enabled = False
    index_view_class = RegistryIndexView
    add_view_class = RegistryCreateView
    edit_view_class = RegistryEditView
    delete_view_class = RegistryDeleteView
    inspect_view_class = RegistryInspectView
