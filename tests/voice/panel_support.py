"""Builders shared by the panel and browser tests of the style checker."""

from __future__ import annotations

BUREAUCRATIC_LEAD = (
    "В целях обеспечения реализации мероприятий министерством осуществляются "
    "выплаты. Данный проект является важным."
)
PLAIN_LEAD = "С 1 декабря пособие на ребёнка выросло на 800 рублей."
PASSWORD = "correct-horse-battery"


def make_user(django_user_model, news, username: str, role: str):
    from cms.demo.setup import ensure_groups, ensure_workflow

    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    user.groups.add(groups[role])
    return user


def make_piece(news, title: str, lead: str, slug: str, publish: bool = False):
    from cms.models import NewsPage

    page = NewsPage(
        title=title,
        slug=slug,
        lead=lead,
        body=[("text", f"<p>{lead}</p>")],
        live=publish,
    )
    news.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
