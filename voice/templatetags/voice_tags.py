"""``{% voice_score text %}`` and ``{% voice_post_score post %}``: style score badges.

The «Соцсети» preview shows, under each network's post, the score of exactly the
text that network gets, and says so when the post opens like a press release.
"""

from django import template

from .. import conf
from ..checker import category_names, check
from ..previews import opens_like_press_release, score_post_text

register = template.Library()


def score_level(clarity: float) -> str:
    if clarity < conf.clarity_warn_below():
        return "low"
    return "good" if clarity >= 8 else "fair"


def badge_context(report, **extra) -> dict:
    names = category_names()
    categories = []
    for finding in report.findings:
        name = names.get(finding.category, finding.category)
        if name not in categories:
            categories.append(name)
    return {
        "report": report,
        "level": score_level(report.clarity),
        "warn_below": conf.clarity_warn_below(),
        "categories": categories,
        **extra,
    }


@register.inclusion_tag("voice/score_badge.html")
def voice_score(text):
    return badge_context(check(text or ""))


@register.inclusion_tag("voice/post_score.html")
def voice_post_score(post):
    if post is None or not getattr(post, "messages", None):
        return {"report": None}
    return badge_context(
        score_post_text(post), press_release=opens_like_press_release(post)
    )
