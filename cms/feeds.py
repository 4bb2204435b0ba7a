"""RSS 2.0 feed of the news: the lead as the description, the cover as an enclosure."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .models import NewsPage

FEED_SIZE = 30


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("News of the ministry")

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        site = Site.find_for_request(self.request)
        return site.site_name if site and site.site_name else "Вестник"

    def link(self):
        return "/"

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .select_related("cover")
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return item.tag_names

    def item_enclosures(self, item):
        image = item.first_image()
        if not image:
            return []
        rendition = image.get_rendition("fill-1200x630")
        return [
            Enclosure(
                self.request.build_absolute_uri(rendition.url),
                str(rendition.file.size if rendition.file else 0),
                "image/jpeg",
            )
        ]
