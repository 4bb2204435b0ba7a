"""Unit tests of the public site's template tags: the HTML sanitiser, live-stream status in
the region's time zone and video host names."""

from __future__ import annotations

import datetime

import pytest

from cms.templatetags.block_tags import live_status, region_time, video_provider
from cms.templatetags.sanitize_tags import sanitize_html


def test_bleach_filter_strips_scripts_and_event_handlers():
    dirty = (
        '<p onclick="steal()" style="color:red">Привет <b onmouseover="x()">мир</b></p>'
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<a href="javascript:alert(1)">ссылка</a><a href="https://ok.ru" onfocus="y()">ок</a>'
        "<iframe src='https://evil.example'></iframe><h2>Заголовок</h2><ul><li>пункт</li></ul>"
    )
    clean = sanitize_html(dirty)
    assert "<script" not in clean and "alert(1)" not in clean
    assert "on" + "click" not in clean and "onmouseover" not in clean
    assert "onerror" not in clean and "onfocus" not in clean
    assert "style=" not in clean and "<img" not in clean and "<iframe" not in clean
    assert "javascript:" not in clean
    assert '<a href="https://ok.ru">ок</a>' in clean
    assert "<p>Привет <b>мир</b></p>" in clean
    assert "<h2>Заголовок</h2><ul><li>пункт</li></ul>" in clean


def test_bleach_filter_in_a_template():
    from django.template import engines

    template = engines["django"].from_string(
        "{% load sanitize_tags %}{{ html|bleach_html }}"
    )
    out = template.render({"html": '<p onclick="x()">Да<script>bad()</script></p>'})
    assert out == "<p>Да</p>"


def test_live_status_and_region_time():
    start = datetime.datetime(2026, 12, 1, 4, 0, tzinfo=datetime.UTC)  # 11:00 local
    assert region_time(start).hour == 11
    assert region_time(datetime.datetime(2026, 12, 1, 11, 0)).utcoffset() == (
        datetime.timedelta(hours=7)
    )
    minute = datetime.timedelta(minutes=1)
    assert live_status(start, now=start - minute) == "upcoming"
    assert live_status(start, now=start + minute) == "live"
    assert live_status(start, now=start + datetime.timedelta(hours=4)) == "finished"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://vk.com/video-1_2", "VK Видео"),
        ("https://vkvideo.ru/video-1_2", "VK Видео"),
        ("https://rutube.ru/video/abc/", "RuTube"),
        ("https://www.youtube.com/watch?v=x", "YouTube"),
        ("https://youtu.be/x", "YouTube"),
        ("https://video.example.org/x", "video.example.org"),
    ],
)
def test_video_provider_names(url, name):
    from django.utils import translation

    with translation.override("ru"):
        assert video_provider(url) == name
