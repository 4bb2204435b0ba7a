from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .conf import app_settings
from .feeds import NewsFeed
from .links import short_link
from .media import serve_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("rss/", NewsFeed(), name="news_feed"),
    path("feeds/", include("syndication.feeds.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("hooks/", include("moderation.webhooks.urls")),
    # The short address network posts carry (cms/links.py).
    path("n/<int:page_id>/", short_link, name="short_link"),
]

# Django's own admin is a second door into every model: off unless a setting opens it.
if app_settings.DJANGO_ADMIN:
    urlpatterns.insert(0, path("django-admin/", admin.site.urls))

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # Uploaded files with the same security headers as production's front server.
    urlpatterns += static(
        settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT
    )

# The network emulator exists only where the dev and test settings install it.
if settings.SANDBOX_ENABLED and apps.is_installed("sandbox"):
    urlpatterns += [
        path("sandbox/", include("sandbox.urls")),
    ]

# Wagtail's page serving catches everything else, so it goes last.
urlpatterns += [path("", include(wagtail_urls))]
