"""The chief editor approves a piece in the «Согласование» workflow and, in the
approve dialog, confirms or changes the accounts and the time of its posts (issue 17,
journey «Павел» step 2): the form is the editor's «Соцсети» tab's, its validation too;
approving saves the choice before publishing, so the posts are planned by it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts_registry.models import Account
from cms import roles
from cms.demo.setup import ensure_groups, ensure_workflow
from cms.models import NewsPage
from syndication.models import ApprovalTask, Delivery, PageSyndication
from syndication.views.approval import ApprovalChoiceForm
from syndication.views.editor_choice import EditorChoiceForm

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def desk(site_tree, django_user_model, accounts):
    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    anna = django_user_model.objects.create_user("anna", password="pw")
    anna.groups.add(groups[roles.EDITOR])
    pavel = django_user_model.objects.create_user("pavel", password="pw")
    pavel.groups.add(groups[roles.CHIEF_EDITOR])
    page = news.add_child(
        instance=NewsPage(
            title="Выплаты выросли",
            lead="С 1 декабря пособие выросло.",
            live=False,
            body=[("text", "<p>Пересчёт сделаем сами.</p>")],
        )
    )
    revision = page.save_revision(user=anna)
    page.get_workflow().start(page, anna)
    page.refresh_from_db()
    # Анна's own text for Telegram, chosen in the tab: the dialog must keep it.
    choice = PageSyndication.objects.create(
        page_id=page.pk,
        overrides={"telegram": {"text": "Свой текст", "omit_blocks": []}},
    )
    return {"page": page, "revision": revision, "pavel": pavel, "choice": choice}


def action_url(page, name):
    state = page.current_workflow_task_state
    return reverse(f"wagtailadmin_pages:{name}", args=(page.pk, "approve", state.pk))


def test_the_demo_workflow_uses_the_approval_with_accounts_and_time(desk):
    task = desk["page"].current_workflow_task
    assert isinstance(task, ApprovalTask)
    labels = [label for _n, label, _m in task.get_actions(desk["page"], desk["pavel"])]
    # one approve, always with the dialog (Wagtail's own «Approve» reads
    # «Согласовать» too since locale/ru overrides it, so count, not look for «Одобрить»)
    assert [label for label in labels if "Согласовать" in label] == ["Согласовать"]


def test_the_dialog_offers_the_accounts_and_the_time(client, desk):
    client.force_login(desk["pavel"])
    response = client.get(action_url(desk["page"], "workflow_action"), **XHR)
    html = response.json()["html"]
    for name in (
        "ВКонтакте: vk 1001",
        "Одноклассники: ok 2002",
        "Telegram: telegram -1003",
    ):
        assert name in html
    assert "Сразу после публикации" in html or 'value="now"' in html
    assert 'value="at"' in html and 'name="send_at"' in html
    assert "кемеровскому времени" in html  # the time zone is stated
    assert 'data-vestnik-init="initDateTimeChooser"' in html  # Wagtail's widget
    assert 'name="comment"' in html
    assert "Свой текст" not in html  # own texts stay in the tab


def test_a_half_filled_dialog_is_refused_and_nothing_is_published(client, desk):
    client.force_login(desk["pavel"])
    page = desk["page"]
    telegram = page_accounts("telegram")
    response = client.post(
        action_url(page, "workflow_action"),
        {"accounts": [telegram.pk], "schedule_mode": "at", "send_at": ""},
        **XHR,
    )
    body = response.json()
    assert body["step"] == "action" and "Укажите время отправки." in body["html"]
    page.refresh_from_db()
    assert not page.live and not Delivery.objects.exists()


def test_approving_saves_the_choice_and_plans_the_posts_by_it(client, desk):
    client.force_login(desk["pavel"])
    page = desk["page"]
    vk, telegram = page_accounts("vk"), page_accounts("telegram")
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    response = client.post(
        action_url(page, "workflow_action"),
        {
            "accounts": [vk.pk, telegram.pk],
            "schedule_mode": "at",
            "send_at": when.strftime("%d.%m.%Y %H:%M"),
            "comment": "Хорошо",
        },
        **XHR,
    )
    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.live
    deliveries = Delivery.objects.filter(page=page)
    assert {d.account.network for d in deliveries} == {"vk", "telegram"}
    assert {d.scheduled_at for d in deliveries} == {when}
    choice = PageSyndication.objects.get(page_id=page.pk)
    assert choice.options_for("telegram")["text"] == "Свой текст"  # kept
    state = page.workflow_states.get().task_states.get()
    assert state.comment == "Хорошо"


def test_approving_from_the_editor_goes_through_json_to_the_same_form(client, desk):
    """In the page editor Wagtail collects the dialog's data, sends it back with the
    page form as JSON, and the edit view hands it to on_action."""
    client.force_login(desk["pavel"])
    page = desk["page"]
    ok = page_accounts("ok")
    response = client.post(
        action_url(page, "collect_workflow_action_data"),
        {"accounts": [ok.pk], "schedule_mode": "now", "send_at": ""},
        **XHR,
    )
    data = response.json()
    assert data["step"] == "success"
    extra = json.loads(json.dumps(data["cleaned_data"]))  # as the browser sends it
    task = page.current_workflow_task
    task.get_actions(page, desk["pavel"])
    task.on_action(page.current_workflow_task_state, desk["pavel"], "approve", **extra)
    page.refresh_from_db()
    assert page.live
    assert [d.account.network for d in Delivery.objects.filter(page=page)] == ["ok"]


def test_the_form_is_the_tabs_form():
    """One source of truth: the dialog's validation is the «Соцсети» tab's."""
    assert issubclass(ApprovalChoiceForm, EditorChoiceForm)


def page_accounts(network):
    return Account.objects.get(network=network)


def test_an_approver_who_may_not_plan_posts_approves_as_in_wagtail(
    client, desk, monkeypatch
):
    monkeypatch.setattr(
        "syndication.permissions.can_publish_posts", lambda user, page: False
    )
    client.force_login(desk["pavel"])
    page = desk["page"]
    task = page.current_workflow_task
    actions = task.get_actions(page, desk["pavel"])
    assert ("approve", False) in [(name, modal) for name, _label, modal in actions]
    response = client.get(action_url(page, "workflow_action"), **XHR)
    html = response.json()["html"]
    assert 'name="comment"' in html and 'name="accounts"' not in html
    response = client.post(
        action_url(page, "workflow_action"), {"comment": "Да"}, **XHR
    )
    assert response.json()["step"] == "success"
    page.refresh_from_db()
    assert page.live


def test_approving_from_the_dashboard_says_what_happens_next(client, desk):
    """The dashboard's «Ожидают согласования» posts the dialog to Wagtail's own
    workflow action view (no edit view, no hook): the dashboard it returns to says
    what happens next, as the editor does; a refused dialog says nothing."""
    client.force_login(desk["pavel"])
    page = desk["page"]
    vk = page_accounts("vk")
    url = action_url(page, "workflow_action") + "?next=" + reverse("wagtailadmin_home")
    refused = client.post(url, {"accounts": [vk.pk], "schedule_mode": "at"}, **XHR)
    assert refused.json()["step"] == "action"
    assert "Публикация запланирована" not in dashboard(client)
    when = timezone.localtime(timezone.now() + timedelta(days=3)).replace(
        hour=11, minute=30, second=0, microsecond=0
    )
    response = client.post(
        url,
        {
            "accounts": [vk.pk],
            "schedule_mode": "at",
            "send_at": when.strftime("%d.%m.%Y %H:%M"),
        },
        **XHR,
    )
    assert response.json() == {
        "step": "success",
        "redirect": reverse("wagtailadmin_home"),
    }
    html = dashboard(client)
    expected = f"Публикация запланирована: ВКонтакте — {when:%d.%m} в 11:30."
    assert expected in html
    assert expected not in dashboard(client)  # said once


def dashboard(client) -> str:
    return client.get(reverse("wagtailadmin_home")).content.decode()
