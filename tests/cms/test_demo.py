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
    for username in ("editor", "chief", "moderator", "keeper", "head"):
        assert username in out
    for group in (
        roles.EDITOR,
        roles.CHIEF_EDITOR,
        roles.MODERATOR,
        roles.REGISTRY_KEEPER,
        roles.MANAGEMENT,
    ):
        assert get_user_model().objects.filter(groups__name=group).exists()

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    news = NewsIndexPage.objects.get()
    workflow = WorkflowPage.objects.get(page=news).workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [roles.CHIEF_EDITOR]
    head = get_user_model().objects.get(username="head")
    assert head.get_full_name() == "Елена Руководова"
    assert head.get_all_permissions() == {
        "wagtailadmin.access_admin",
        "results.view_posttracking",
    }


@pytest.mark.django_db
def test_demo_site_pages_render(client):
    call_command("load_demo")
    assert client.get("/").status_code == 200
    for page in NewsPage.objects.all():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


@pytest.mark.django_db
def test_demo_sandbox_accounts_are_in_service_and_only_demo_cases_are_due():
    from accounts_registry.models import Account
    from accounts_registry.obligations import ReportObligation
    from syndication.delivery import scheduling

    call_command("load_demo")
    call_command("load_demo")  # twice: nothing changes the second time
    sandbox = Account.objects.filter(name__endswith="(песочница)")
    assert sandbox.count() >= 8
    assert set(sandbox.values_list("status", flat=True)) == {Account.Status.ACTIVE}
    open_reports = ReportObligation.objects.open()
    assert not open_reports.filter(account__in=sandbox).exists()
    # the keeper's dashboard shows the demo's own cases: one overdue, one due soon
    assert open_reports.overdue().count() == 1
    assert open_reports.due_soon().count() == 1
    # the planned MAX channel is in the register but gets no posts
    defaults = set(scheduling.default_accounts())
    planned = Account.objects.get(status=Account.Status.PLANNED)
    assert planned not in defaults
    assert {a.network for a in defaults} >= {"vk", "ok", "telegram", "max"}
