"""Failures reach a person (issue 17): a failed or «needs a check» delivery shows on
the dashboard of whoever may see the delivery log, as a count in the «Соцсети» menu,
and its page speaks Russian, names the piece by its title and never shows a past
time as the next attempt."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.demo.setup import ensure_groups
from syndication.delivery import scheduling, state
from syndication.models import Delivery, DeliveryAttempt

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def troubled(piece_page, accounts):
    rows = scheduling.schedule_page(piece_page)
    past = timezone.now() - timedelta(hours=3)
    Delivery.objects.filter(pk=rows[0].pk).update(
        status=Delivery.Status.FAILED, next_attempt_at=past
    )
    Delivery.objects.filter(pk=rows[1].pk).update(
        status=Delivery.Status.NEEDS_CHECK, next_attempt_at=past
    )
    return rows


def test_the_dashboard_lists_what_needs_a_person(chief, piece_page, troubled):
    html = chief.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-syndication-attention" in html
    assert "2 публикации требуют внимания" in html
    assert html.count(piece_page.title) >= 2
    for row in troubled[:2]:
        assert reverse("syndication_delivery", args=[row.pk]) in html
    # the sidebar's menu is JSON in the page, its letters escaped
    for label in ("Соцсети (2)", "Журнал отправок (2)"):
        assert json.dumps(label)[1:-1] in html, label


def test_no_panel_and_no_count_when_all_went_out(chief, piece_page, accounts):
    scheduling.schedule_page(piece_page)
    html = chief.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-syndication-attention" not in html
    assert json.dumps("Соцсети (")[1:-1] not in html


def test_an_editor_without_the_log_sees_no_panel(client, django_user_model, troubled):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("anna", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-syndication-attention" not in html


def test_the_log_filters_what_needs_attention(chief, troubled):
    log = chief.get(reverse("syndication_log"), {"status": "needs_attention"})
    assert {d.pk for d in log.context["page_obj"]} == {r.pk for r in troubled[:2]}


def test_the_delivery_page_speaks_russian_and_names_the_piece(
    chief, piece_page, troubled
):
    html = chief.get(reverse("syndication_delivery", args=[troubled[1].pk]))
    html = html.content.decode()
    assert f"«{piece_page.title}»" in html
    assert "Соцсеть не ответила, вышел ли пост" in html
    assert "Следующая попытка" not in html  # a past time is not the next attempt
    failed = chief.get(reverse("syndication_delivery", args=[troubled[0].pk]))
    assert "Соцсеть отказала, пост не опубликован" in failed.content.decode()


def test_a_post_held_for_a_refused_key_says_so_and_offers_the_key(
    chief, piece_page, accounts
):
    """The network refused the account's key: the post stays «scheduled» but waits for
    a new key; its page says so and links to the key's form instead of a «next attempt»
    that will not happen."""
    rows = scheduling.schedule_page(piece_page)
    state.hold_account(rows[0].account, "[vk] 5 User authorization failed")
    held = chief.get(reverse("syndication_delivery", args=[rows[0].pk]))
    html = held.content.decode()
    assert "Отправка в этот аккаунт приостановлена с" in html
    assert "соцсеть отклонила его ключ" in html
    credential = reverse("registry_set_credential", args=[rows[0].account.pk])
    assert f'href="{credential}"' in html
    other = chief.get(reverse("syndication_delivery", args=[rows[1].pk]))
    assert "приостановлена" not in other.content.decode()


def test_a_sent_post_offers_no_button_that_changes_nothing(chief, piece_page, accounts):
    row = scheduling.schedule_page(piece_page)[0]
    Delivery.objects.filter(pk=row.pk).update(status=Delivery.Status.SENT)
    html = chief.get(reverse("syndication_delivery", args=[row.pk])).content.decode()
    assert 'value="retry"' not in html
    assert 'value="cancel"' not in html
    Delivery.objects.filter(pk=row.pk).update(status=Delivery.Status.FAILED)
    html = chief.get(reverse("syndication_delivery", args=[row.pk])).content.decode()
    assert 'value="retry"' in html and 'value="cancel"' in html


def test_the_delivery_page_heads_with_the_piece_and_the_account(
    chief, piece_page, accounts
):
    """Wagtail's header reads a context variable named «heading» as its whole title
    block: the page's own heading under that name replaced the h1, its icon and the
    account's name with a bare line of text."""
    row = scheduling.schedule_page(piece_page)[0]
    html = chief.get(reverse("syndication_delivery", args=[row.pk])).content.decode()
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1, "no h1"
    assert f"«{piece_page.title}»" in h1.group(1)
    assert row.account.name in h1.group(1)


def test_the_request_as_recorded_is_for_the_technician_only(
    client, django_user_model, piece_page, accounts, settings
):
    settings.REGISTRY_REQUIRE_OTP = False  # the technician's second factor is not this
    ensure_groups(piece_page.get_parent().specific)
    row = scheduling.schedule_page(piece_page)[0]
    DeliveryAttempt.objects.create(
        delivery=row,
        number=1,
        action="publish",
        started_at=timezone.now(),
        outcome="auth",
        request_summary={"network": "vk", "messages": [{"method": "wall.post"}]},
    )
    url = reverse("syndication_delivery", args=[row.pk])
    for group, sees in ((roles.CHIEF_EDITOR, False), (roles.TECHNICAL_OFFICER, True)):
        user = django_user_model.objects.create_user(group[:10], password="pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        html = client.get(url).content.decode()
        assert ("wall.post" in html) is sees, group


def test_the_networks_own_words_are_for_the_technician_only(
    client, django_user_model, piece_page, accounts, settings
):
    """The delivery page, the piece's «Соцсети» page and the log show the chief
    editor Vestnik's explanation; the network's answer («[telegram] Unauthorized»,
    «[ok] HTTP 502, empty body») is the technician's reading (a walk as the
    technician found it on the page the chief editor opens from a notice)."""
    settings.REGISTRY_REQUIRE_OTP = False
    ensure_groups(piece_page.get_parent().specific)
    rows = scheduling.schedule_page(piece_page)
    Delivery.objects.filter(pk=rows[0].pk).update(
        status=Delivery.Status.NEEDS_CHECK,
        last_error="Подключите аккаунт заново: соцсеть отклонила его ключ. "
        "([telegram] Unauthorized)",
    )
    Delivery.objects.filter(pk=rows[1].pk).update(
        status=Delivery.Status.FAILED, last_error="[ok] HTTP 502, empty body"
    )
    DeliveryAttempt.objects.create(
        delivery=rows[1],
        number=1,
        action="publish",
        started_at=timezone.now(),
        outcome="permanent",
        error="[ok] HTTP 502, empty body",
    )
    pages = [
        reverse("syndication_delivery", args=[rows[0].pk]),
        reverse("syndication_delivery", args=[rows[1].pk]),
        reverse("syndication_page", args=[piece_page.pk]),
        reverse("syndication_log"),
    ]
    for group, sees in ((roles.CHIEF_EDITOR, False), (roles.TECHNICAL_OFFICER, True)):
        user = django_user_model.objects.create_user(group[:10], password="pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        for url in pages:
            response = client.get(url)
            if response.status_code == 403:
                continue  # the technician may not open the piece's page
            html = response.content.decode()
            if not sees:
                for words in ("Unauthorized", "HTTP 502", "[ok]", "[telegram]"):
                    assert words not in html, (url, words)
        if not sees:
            first = client.get(pages[0]).content.decode()
            assert "Подключите аккаунт заново: соцсеть отклонила его ключ." in first
            second = client.get(pages[1]).content.decode()
            assert "Соцсеть ответила ошибкой; её точный ответ виден" in second
        else:
            assert "Unauthorized" in client.get(pages[0]).content.decode()


def test_the_panel_is_wagtails_and_the_detail_page_reads_in_order(
    chief, piece_page, troubled
):
    """The panel is Wagtail's own dashboard panel (its heading and indent, as «Ваши
    последние правки»); on the delivery's page the address of the post sits with the
    button that says it is there, apart from «Повторить» and «Отмена»; «8 %» in the
    heading keeps its sign on the line."""
    html = chief.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="syndication-attention-section"' in html
    assert (
        "w-panel--dashboard"
        in html.split('id="syndication-attention-section"')[0][-200:]
    )

    piece_page.title = "Пособие выросло на 8 %"
    piece_page.save_revision().publish()
    needs_check = troubled[1]
    html = chief.get(reverse("syndication_delivery", args=[needs_check.pk]))
    html = html.content.decode()
    assert "на 8\u00a0%" in html
    form = html.split('action="' + reverse("syndication_action") + '"')[1].split(
        "</form>"
    )[0]
    found, others = form.split("</div>", 1)
    assert 'name="remote_url"' in found and 'value="mark_sent"' in found
    assert 'value="retry"' in others and 'value="cancel"' in others


def test_the_log_links_a_sent_post_in_words(chief, troubled):
    """A long post address in the «Пост» cell pushed «Последняя ошибка» off a
    1366 px screen: the cell says «открыть пост», the address is its tooltip."""
    url = "http://127.0.0.1:8000/sandbox/wordpress/vestnik/?p=123456789&preview=0"
    Delivery.objects.filter(pk=troubled[2].pk).update(
        status=Delivery.Status.SENT, remote_url=url
    )
    html = chief.get(reverse("syndication_log")).content.decode()
    assert f'title="{url.replace("&", "&amp;")}">открыть пост</a>' in html
    assert f">{url}<" not in html.replace("&amp;", "&")


def test_the_pieces_networks_page_links_a_sent_post_in_words(
    chief, piece_page, troubled
):
    url = "http://127.0.0.1:8000/sandbox/max/channel/-70000000000001/#mid.0000000600000"
    Delivery.objects.filter(pk=troubled[2].pk).update(
        status=Delivery.Status.SENT, remote_url=url
    )
    html = chief.get(reverse("syndication_page", args=[piece_page.pk])).content
    html = html.decode()
    assert f'title="{url}">открыть пост</a>' in html
    assert f">{url}<" not in html
