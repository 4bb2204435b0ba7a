"""Columns of the register's lists that are not a plain field's value."""

from django.utils.text import capfirst
from wagtail.admin.ui.tables import Column


class DayColumn(Column):
    """A date as the register writes it everywhere (dd.mm.yyyy); «—» when there is none.
    The list has seven columns: «7 декабря 2026 г.» would wrap in each."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["raw_value"]
        context["value"] = value.strftime("%d.%m.%Y") if value else "—"
        return context


def field_label(model, name) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


def day(model, name) -> DayColumn:
    """A date field of ``model`` as a sortable column headed by its verbose name."""
    return DayColumn(name, label=field_label(model, name), sort_key=name)
