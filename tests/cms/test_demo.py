import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site, WorkflowPage

from cms import roles
from cms.blocks import PieceStreamBlock
from cms.models import NewsIndexPage, NewsPage


@pytest.mark.django_db
def test_load_demo_twice_is_idempotent_and_uses_every_block(capsys):
    call_command("load_demo")
    counts = (NewsPage.objects.count(), get_user_model().objects.count())
    call_command("load_demo")
    assert (NewsPage.objects.count(), get_user_model().objects.count()) == counts
    assert counts[0] >= 3

    used = {block.block_type for page in NewsPage.objects.all() for block in page.body}
    assert used == set(PieceStreamBlock().child_blocks)
    assert all(page.live for page in NewsPage.objects.all())

    out = capsys.readouterr().out
    for username in ("editor", "chief", "moderator", "keeper"):
        assert username in out
    for group in (
        roles.EDITOR,
        roles.CHIEF_EDITOR,
        roles.MODERATOR,
        roles.REGISTRY_KEEPER,
    ):
        assert get_user_model().objects.filter(groups__name=group).exists()

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    news = NewsIndexPage.objects.get()
    workflow = WorkflowPage.objects.get(page=news).workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.CHIEF_EDITOR]


@pytest.mark.django_db
def test_demo_site_pages_render(client):
    call_command("load_demo")
    assert client.get("/").status_code == 200
    for page in NewsPage.objects.all():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
