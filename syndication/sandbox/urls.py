from django.urls import path, re_path

from . import callback_pages, ok, pages, telegram, telegraph, vk
from .inflight import tracked

app_name = "sandbox"

urlpatterns = [
    path("", pages.index, name="index"),
    path("faults/", pages.faults, name="faults"),
    path("faults/api/", pages.faults_api, name="faults_api"),
    path("media/<str:key>/", pages.media, name="media"),
    path("comment/<int:post_pk>/", pages.comment, name="comment"),
    path(
        "callback/<int:account_pk>/",
        callback_pages.callback_settings,
        name="callback",
    ),
    path("vk/method/<str:method>", tracked(vk.method_view), name="vk_method"),
    path("vk/upload/", tracked(vk.upload_view), name="vk_upload"),
    path("vk/club<str:group_id>/", pages.vk_wall, name="vk_wall"),
    path("ok/fb.do", tracked(ok.rest_view), name="ok_rest"),
    path("ok/api/<str:group>/<str:name>", tracked(ok.rest_view), name="ok_rest_path"),
    path("ok/upload/", tracked(ok.upload_view), name="ok_upload"),
    path("ok/group/<str:group_id>/", pages.ok_group, name="ok_group"),
    re_path(
        r"^telegram/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$",
        tracked(telegram.bot_view),
        name="tg_bot",
    ),
    path("telegram/<str:chat>/", pages.telegram_channel, name="tg_channel"),
    path("telegraph/p/<str:path>/", telegraph.page_view, name="telegraph_page"),
    path(
        "telegraph/<str:method>/<str:path>",
        tracked(telegraph.api_view),
        name="telegraph_api_path",
    ),
    path("telegraph/<str:method>", tracked(telegraph.api_view), name="telegraph_api"),
]
