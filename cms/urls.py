from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .feeds import NewsFeed

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("rss/", NewsFeed(), name="news_feed"),
    path("feeds/", include("syndication.feeds.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("hooks/", include("moderation.webhooks.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The network emulator exists only where the dev and test settings install it.
if settings.SANDBOX_ENABLED and apps.is_installed("sandbox"):
    urlpatterns += [
        path("sandbox/", include("sandbox.urls")),
    ]

# Wagtail's page serving catches everything else, so it goes last.
urlpatterns += [path("", include(wagtail_urls))]
