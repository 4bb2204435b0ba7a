"""Admin URLs of the style checker, mounted under /admin/voice/ by wagtail_hooks."""

from django.urls import path

from . import views

urlpatterns = [
    path("check/", views.check_view, name="voice_check"),
]
