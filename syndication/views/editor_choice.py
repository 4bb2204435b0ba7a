"""Scheduling belongs to publishing: the accounts, the time and the own texts are
chosen in the page editor's «Соцсети» tab, saved with the page, before «Опубликовать»
plans the deliveries. Only who may publish the posts sees the tab (the chief editor);
the separate «Аккаунты и время» page stays for the technician's corrections."""

from __future__ import annotations

from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from cms.region import REGION_TIME_NAME
from syndication import permissions
from syndication.delivery import scheduling
from syndication.models import ScheduleMode
from syndication.networks import registry

from .forms import PageSyndicationForm
from .plan import when_text

PREFIX = "syndication"


class EditorChoiceForm(PageSyndicationForm):
    """The page's syndication choice as part of the page form: Wagtail's own
    date-time widget, the region's time zone stated, network names on the accounts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        send_at = self.fields["send_at"]
        send_at.widget = AdminDateTimeInput()
        send_at.input_formats = ["%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        send_at.help_text = _("Day and time, %(zone)s.") % {"zone": REGION_TIME_NAME}
        self.fields["accounts"].label_from_instance = lambda account: (
            f"{registry.name_of(account.network)}: {account.name}"
        )
        # Own texts only for the networks a post can go to now (Facebook and
        # Instagram are blocked unless the ministry turns them on).
        sendable = set(scheduling.sendable_networks())
        for spec in [s for s in self.override_specs if s.code not in sendable]:
            del self.fields[f"{spec.code}_text"], self.fields[f"{spec.code}_omit"]
        self.override_specs = [s for s in self.override_specs if s.code in sendable]

    zone = REGION_TIME_NAME

    @cached_property
    def next_slots(self) -> list[dict]:
        """Which slot each account would get if published now («ВКонтакте:
        Минсоц — 08.12 в 12:00»), shown under «В ближайшее свободное окно» for
        the accounts ticked; the publish takes the slot under the account's lock
        and may find it taken meanwhile, then the message names the next one."""
        now = timezone.now()
        return [
            {
                "account": account,
                "label": self.fields["accounts"].label_from_instance(account),
                "when": when_text(scheduling.next_free_slot(account, now), now),
            }
            for account in self.fields["accounts"].queryset
        ]

    def save_for(self, page) -> None:
        """Saved once the page has its id (a new piece gets it on its first save)."""
        self.page = page
        self.save()

    def clean_send_at(self):
        """The picker shows minutes: a time saved with seconds (on the «Аккаунты и
        время» page) is kept when the minute shown was not changed."""
        value = self.cleaned_data.get("send_at")
        saved = PageSyndicationForm.initial_for(self.page).get("send_at")
        if value and saved and value == saved.replace(second=0, microsecond=0):
            return saved
        return value


def may_choose(user, page, parent) -> bool:
    """Who may publish the piece decides where and when its posts go."""
    if page.pk:
        return permissions.can_publish_posts(user, page)
    if parent is None:
        return False
    return parent.permissions_for_user(user).can_publish_subpage()


def attach(page_form):
    """The choice form bound with the page form's data; ``None`` for a user who may
    not choose (the editor writes, the chief editor decides)."""
    user = getattr(page_form, "for_user", None)
    page = page_form.instance
    parent = getattr(page_form, "parent_page", None)
    if user is None or not may_choose(user, page, parent):
        return None
    initial = PageSyndicationForm.initial_for(page) if page.pk else None
    if page_form.is_bound:
        return EditorChoiceForm(page_form.data, page=page, prefix=PREFIX)
    return EditorChoiceForm(initial=initial or _initial_new(), page=page, prefix=PREFIX)


def _initial_new() -> dict:
    return {
        "accounts": list(scheduling.default_accounts()),
        "schedule_mode": ScheduleMode.NOW,
    }
