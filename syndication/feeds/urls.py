from django.urls import path

from .dzen import DzenFeed

urlpatterns = [path("dzen/rss.xml", DzenFeed(), name="dzen_feed")]
