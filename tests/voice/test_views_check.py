"""The JSON endpoint behind the «Стиль» panel: access, CSRF, shape and content."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from voice.checker import check

pytestmark = pytest.mark.django_db

BUREAUCRATIC_LEAD = (
    "В целях обеспечения реализации мероприятий министерством осуществляются "
    "выплаты. Данный проект является важным."
)
PLAIN_LEAD = "С 1 декабря пособие на ребёнка выросло на 800 рублей."


@pytest.fixture
def editor(site_tree, django_user_model):
    from cms import roles
    from cms.demo.setup import ensure_groups

    _, news = site_tree
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(ensure_groups(news)[roles.EDITOR])
    return user


def post(client, payload, **extra):
    return client.post(
        reverse("voice_check"),
        data=json.dumps(payload),
        content_type="application/json",
        **extra,
    )


def test_anonymous_is_sent_to_login(client):
    response = post(client, {"fields": {"lead": BUREAUCRATIC_LEAD}})
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_user_without_admin_access_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    response = post(client, {"fields": {"lead": BUREAUCRATIC_LEAD}})
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/json"


def test_get_is_not_allowed(client, editor):
    client.force_login(editor)
    assert client.get(reverse("voice_check")).status_code == 405


def test_post_without_csrf_token_is_rejected(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = post(client, {"fields": {"lead": BUREAUCRATIC_LEAD}})
    assert response.status_code == 403


def test_post_with_csrf_header_is_accepted(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get(reverse("wagtailadmin_home"))  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = post(
        client, {"fields": {"lead": PLAIN_LEAD}}, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200


def test_json_shape(client, editor):
    client.force_login(editor)
    fields = {"title": "Выплаты выросли", "lead": BUREAUCRATIC_LEAD, "body-0": ""}
    response = post(client, {"fields": fields})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {
        "clarity",
        "readability",
        "words",
        "warn_below",
        "warn",
        "fields",
    }
    assert set(data["fields"]) == set(fields)
    for name, report in data["fields"].items():
        assert set(report) == {"clarity", "readability", "words", "findings"}
        assert 0 <= report["clarity"] <= 10 and 0 <= report["readability"] <= 10
        for finding in report["findings"]:
            assert set(finding) == {
                "start",
                "end",
                "text",
                "category",
                "category_name",
                "kind",
                "hint",
                "suggestion",
                "fixes",
            }
            assert fields[name][finding["start"] : finding["end"]] == finding["text"]
            for fix in finding["fixes"]:
                assert set(fix) == {
                    "start",
                    "end",
                    "replaces",
                    "text",
                    "removes",
                    "removed",
                }
                assert fields[name][fix["start"] : fix["end"]] == fix["replaces"]
    assert data["fields"]["body-0"] == {
        "clarity": 10.0,
        "readability": 10.0,
        "words": 0,
        "findings": [],
    }


def test_bureaucratic_lead_gets_findings_with_suggestions(client, editor):
    client.force_login(editor)
    data = post(client, {"fields": {"lead": BUREAUCRATIC_LEAD}}).json()
    lead = data["fields"]["lead"]
    assert lead == {
        **lead,
        "clarity": check(BUREAUCRATIC_LEAD).clarity,
        "readability": check(BUREAUCRATIC_LEAD).readability,
    }
    assert lead["clarity"] < 6
    by_text = {f["text"]: f for f in lead["findings"]}
    opening = by_text["В целях обеспечения"]
    assert opening["category"] == "government"
    assert opening["category_name"] == "Казённый оборот"
    assert opening["kind"] == "clarity"
    # Each fix is a button: text to put in place of a span, already inflected
    # and capitalised at the start of the sentence.
    assert [f["text"] for f in opening["fixes"]] == ["Для", "Для обеспечения"]
    assert opening["suggestion"] == "Для"
    assert by_text["Данный"]["fixes"] == [
        {
            "start": BUREAUCRATIC_LEAD.index("Данный"),
            "end": BUREAUCRATIC_LEAD.index("Данный") + len("Данный"),
            "replaces": "Данный",
            "text": "Этот",
            "removes": False,
            "removed": "",
        }
    ]
    # The actor in the instrumental becomes the subject of the active verb.
    paying = by_text["осуществляются выплаты"]["fixes"][0]
    assert (paying["replaces"], paying["text"]) == (
        "министерством осуществляются выплаты",
        "министерство выплачивает",
    )
    # «является важным» has no noun to put in the nominative: advice only.
    assert by_text["является"]["fixes"] == []
    assert all(f["hint"] for f in lead["findings"])
    assert data["warn"] is True
    assert data["warn_below"] == 6.0


def test_overall_scores_combine_the_fields(client, editor):
    client.force_login(editor)
    plain = post(client, {"fields": {"title": "Каток", "lead": PLAIN_LEAD}}).json()
    mixed = post(
        client,
        {"fields": {"title": "Каток", "lead": PLAIN_LEAD, "body-0": BUREAUCRATIC_LEAD}},
    ).json()
    assert plain["clarity"] == 10.0 and plain["warn"] is False
    assert mixed["fields"]["body-0"]["clarity"] < mixed["clarity"] < 10.0
    assert mixed["words"] == sum(r["words"] for r in mixed["fields"].values())


def test_utf16_offsets_for_javascript(client, editor):
    client.force_login(editor)
    text = "🎉🎉 Данный проект"
    finding = post(client, {"fields": {"lead": text}, "offsets": "utf16"}).json()[
        "fields"
    ]["lead"]["findings"][0]
    # Each emoji is two UTF-16 code units: «Данный» starts at 5, not 3.
    assert (finding["start"], finding["end"], finding["text"]) == (5, 11, "Данный")
    assert (finding["fixes"][0]["start"], finding["fixes"][0]["end"]) == (5, 11)
    plain = post(client, {"fields": {"lead": text}}).json()["fields"]["lead"]
    assert plain["findings"][0]["start"] == 3


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", b'{"fields": "text"}', b'{"fields": {"lead": 5}}'],
)
def test_malformed_requests(client, editor, body):
    client.force_login(editor)
    response = client.post(
        reverse("voice_check"), data=body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_too_long_text_is_refused(client, editor, settings):
    settings.VOICE_MAX_CHARS = 1000
    client.force_login(editor)
    response = post(client, {"fields": {"lead": "а" * 1001}})
    assert response.status_code == 413


def test_threshold_comes_from_settings(client, editor, settings):
    settings.VOICE_CLARITY_WARN_BELOW = 2
    client.force_login(editor)
    data = post(client, {"fields": {"lead": BUREAUCRATIC_LEAD}}).json()
    assert data["warn_below"] == 2.0
    assert data["warn"] is (data["clarity"] < 2)


def test_a_removal_names_the_words_it_takes_out(client, editor):
    # The removal spans the next word to give it the capital: the button and the
    # undo message name what goes («Уведомляем, что»), not only the marked word.
    client.force_login(editor)
    text = "Уведомляем, что с 1 января изменяется порядок выплаты компенсации."
    lead = post(client, {"fields": {"lead": text}}).json()["fields"]["lead"]
    finding = next(f for f in lead["findings"] if f["text"] == "Уведомляем")
    removal = next(f for f in finding["fixes"] if f["removes"])
    assert (removal["replaces"], removal["text"], removal["removed"]) == (
        "Уведомляем, что с",
        "С",
        "Уведомляем, что",
    )
    text = "Для компенсации нужно представить необходимую справку."
    lead = post(client, {"fields": {"lead": text}}).json()["fields"]["lead"]
    finding = next(f for f in lead["findings"] if f["text"] == "необходимую")
    assert [f["removed"] for f in finding["fixes"] if f["removes"]] == ["необходимую"]
