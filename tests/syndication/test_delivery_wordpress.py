"""WordPress end to end over real HTTP (live_server): a published page goes through the
delivery to the sandbox blog (cover as featured image, tags, the account's category),
is edited on republish and trashed after unpublish; readers' comments reach the
moderation inbox by polling, and moderation actions change their status there."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from moderation import actions
from moderation.fetch import fetch_all
from moderation.models import InboxItem
from sandbox.models import SandboxAccount, SandboxMedia, SandboxPost
from sandbox.networks.wordpress import add_reader_comment
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from syndication.render.page_reader import piece_from_page
from tests.factories import make_image
from tests.sandbox.fixtures import sandbox, wordpress_account  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status
A = Delivery.Action


@pytest.fixture
def wp_page(piece_page):
    from wagtail.models import Site

    # A site, so the piece has its canonical URL (the link back from the blog).
    Site.objects.all().delete()
    home = piece_page.get_parent().get_parent()
    Site.objects.create(
        hostname="vestnik.test", port=80, root_page=home, is_default_site=True
    )
    piece_page.cover = make_image("Обложка")
    piece_page.tags.add("соцзащита", "Кузбасс")
    piece_page.save_revision().publish()
    piece_page.refresh_from_db()
    return piece_page


def blog_posts():
    return SandboxPost.objects.filter(account__network="wordpress", deleted=False)


def test_publish_edit_trash_and_comments_into_the_inbox(
    sandbox,  # noqa: F811
    wordpress_account,  # noqa: F811
    wp_page,
    settings,
    monkeypatch,
):
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    monkeypatch.setattr("moderation.actions.sleep", lambda seconds: None)
    out = io.StringIO()
    call_command("syndicate", str(wp_page.pk), "--wait", stdout=out)
    delivery = Delivery.objects.get(account=wordpress_account, action=A.PUBLISH)
    assert delivery.status == S.SENT, delivery.last_error
    post = blog_posts().get()
    assert delivery.remote_ref["ids"] == [str(post.remote_id)]
    assert post.meta["title"] == "Выплаты выросли" and post.meta["status"] == "publish"
    assert (
        "пособие выросло на 8 %" in post.text
        and "Новую сумму начислят сами." in post.text
    )
    blog = SandboxAccount.objects.get(network="wordpress")
    names = {t["id"]: t["name"] for t in blog.extra["terms"]["tags"]}
    assert sorted(names[i] for i in post.meta["tags"]) == ["Кузбасс", "соцзащита"]
    featured = SandboxMedia.objects.get(remote_id=post.meta["featured_media"])
    assert featured.data[:2] == b"\xff\xd8"  # the cover's JPEG rendition, uploaded
    url = piece_from_page(wp_page).url
    assert url and f'<a href="{url}">' in post.text  # the link back to the site

    # The editor corrects the lead and publishes again: the same post is edited.
    wp_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = wp_page.save_revision()
    revision.publish()
    edits = scheduling.schedule_page(wp_page, revision)
    dispatch.run_now([d.pk for d in edits])
    edit = Delivery.objects.get(account=wordpress_account, action=A.EDIT)
    assert edit.status == S.SENT, edit.last_error
    post.refresh_from_db()
    assert "8,5 %" in post.text and blog_posts().count() == 1
    assert SandboxMedia.objects.filter(account=blog).count() == 1  # not re-uploaded

    # Readers comment; the poll brings both (one held for moderation) into the inbox.
    anna = add_reader_comment(post, "Анна Иванова", "Когда начнут выплаты?")
    spam = add_reader_comment(post, "Пётр", "Подработка тут http://spam.example/")
    assert spam.status == "hold"
    report = fetch_all([wordpress_account])
    assert report.errors == 0 and report.created == 2
    assert fetch_all([wordpress_account]).created == 0  # the cursor remembers
    item = InboxItem.objects.get(remote_id=str(anna.remote_id))
    assert item.post_remote_id == str(post.remote_id)
    assert item.author_name == "Анна Иванова" and item.text == "Когда начнут выплаты?"

    replied = actions.perform("reply", account=wordpress_account, item=item,
                              text="Выплаты начнутся в январе.")  # fmt: skip
    assert replied.confirmed, replied.error
    reply = post.comments.get(reply_to=anna.remote_id)
    assert reply.text == "Выплаты начнутся в январе." and reply.status == "approved"
    assert fetch_all([wordpress_account]).created == 0  # our reply is not an inbox item

    hidden = actions.perform("hide", account=wordpress_account, item=item)
    assert hidden.confirmed, hidden.error
    anna.refresh_from_db()
    assert anna.status == "hold"

    spam_item = InboxItem.objects.get(remote_id=str(spam.remote_id))
    if spam_item.status != "deleted":  # a default rule may have trashed it already
        deleted = actions.perform("delete", account=wordpress_account, item=spam_item)
        assert deleted.confirmed, deleted.error
    spam.refresh_from_db()
    assert spam.status == "trash"

    banned = actions.perform("ban", account=wordpress_account, item=spam_item)
    assert not banned.confirmed and "в чёрный список" in banned.error  # spec: no ban

    # Unpublished: the post goes to the blog's trash.
    wp_page.unpublish()
    deletes = scheduling.schedule_deletes(wp_page)
    dispatch.run_now([d.pk for d in deletes])
    assert (
        Delivery.objects.get(account=wordpress_account, action=A.DELETE).status
        == S.SENT
    )
    post.refresh_from_db()
    assert post.meta["status"] == "trash"
