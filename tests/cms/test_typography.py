"""The site's typography and the region's time (issue 17, smaller items).

«8 %» never wraps between the number and the sign; the live broadcast names the
region's time in the same words on the site and in every network's copy."""

from __future__ import annotations

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from cms.blocks import LiveBlock, PollBlock
from cms.region import REGION_TIME_NAME, REGION_TZ
from cms.templatetags.typography import typeset, typeset_html
from syndication import content as c
from syndication.networks import get_network
from tests.syndication import samples

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("выросло на 8 %.", f"выросло на 8{NBSP}%."),
        ("на 12,5 % и на 3 ‰", f"на 12,5{NBSP}% и на 3{NBSP}‰"),
        ("стоит 500 ₽", f"стоит 500{NBSP}₽"),
        ("до −5 °C", f"до −5{NBSP}°C"),
        ("приказ № 41", f"приказ №{NBSP}41"),
        # Already joined, or written without a space: the editor's choice stays.
        (f"8{NBSP}%", f"8{NBSP}%"),
        ("8%", "8%"),
        ("100 семей", "100 семей"),
    ],
)
def test_a_number_keeps_its_sign(text, expected):
    assert typeset(text) == expected


def test_only_text_between_tags_changes():
    html = '<p title="8 %">на 8 % <a href="/x?p=8 %">больше</a></p>'
    assert typeset_html(html) == (
        f'<p title="8 %">на 8{NBSP}% <a href="/x?p=8 %">больше</a></p>'
    )


def test_the_filter_escapes_plain_text_and_keeps_safe_html():
    template = Template(
        "{% load typography %}{{ plain|typography }}|{{ safe|typography }}"
    )
    out = template.render(
        Context({"plain": "<b>8 %</b>", "safe": mark_safe("<b>8 %</b>")})
    )
    assert out == f"&lt;b&gt;8{NBSP}%&lt;/b&gt;|<b>8{NBSP}%</b>"


@pytest.mark.django_db
def test_a_news_page_keeps_8_percent_on_one_line(client, news_page):
    news_page.lead = "С 1 декабря пособие выросло на 8 %."
    news_page.title = "Пособие выросло на 8 %"
    news_page.save_revision().publish()
    html = client.get(news_page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".piece__title").get_text() == f"Пособие выросло на 8{NBSP}%"
    assert f"на 8{NBSP}%." in soup.select_one(".piece__lead").get_text()
    assert "8 %" not in soup.select_one(".piece").get_text()


def test_the_live_broadcast_names_the_time_alike_on_the_site_and_in_the_copy():
    start = datetime(2026, 12, 1, 11, 0, tzinfo=REGION_TZ)
    with translation.override("ru"):
        name = str(REGION_TIME_NAME)
        site = LiveBlock().render(
            LiveBlock().to_python(
                {
                    "url": "https://vk.com/video-1_2",
                    "start": start.isoformat(),
                    "title": "Эфир с министром",
                    "description": "",
                }
            )
        )
    piece = samples.base_piece(
        [c.Live("https://vk.com/video-1_2", start, "Эфир с министром", "", "live")]
    )
    wordpress = get_network("wordpress").render(piece, None, None).messages[0].text
    assert name == "по кемеровскому времени, UTC+7"
    assert f"({name})" in BeautifulSoup(str(site), "html.parser").get_text()
    assert f"11:00 ({name})" in wordpress
    assert "новокузнецк" not in wordpress.lower()


def test_the_poll_closes_in_the_same_named_time():
    with translation.override("ru"):
        html = str(
            PollBlock().render(
                PollBlock().to_python(
                    {
                        "question": "Удобно?",
                        "options": ["Да", "Нет"],
                        "multiple": False,
                        "anonymous": True,
                        "closes_at": "2026-12-01T11:00:00+07:00",
                    }
                )
            )
        )
        assert f"({REGION_TIME_NAME})" in html
