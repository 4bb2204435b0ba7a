from django.urls import path

from .max import MaxWebhookView
from .meta import MetaWebhookView
from .ok import OkWebhookView
from .telegram import TelegramWebhookView
from .vk import VkWebhookView

app_name = "moderation_hooks"

urlpatterns = [
    path("vk/<slug:account_slug>/", VkWebhookView.as_view(), name="vk"),
    path(
        "telegram/<slug:account_slug>/", TelegramWebhookView.as_view(), name="telegram"
    ),
    path("ok/<slug:account_slug>/<str:secret>/", OkWebhookView.as_view(), name="ok"),
    path(
        "facebook/<slug:account_slug>/",
        MetaWebhookView.as_view(network="facebook"),
        name="facebook",
    ),
    path(
        "instagram/<slug:account_slug>/",
        MetaWebhookView.as_view(network="instagram"),
        name="instagram",
    ),
    path("max/<slug:account_slug>/", MaxWebhookView.as_view(), name="max"),
]
