from django.urls import include, path, re_path

from . import avatars, callback_pages, faults, pages
from .inflight import tracked
from .networks import facebook, instagram, ok, telegram, telegraph, vk
from .networks.livejournal import entry_page as lj_entry_page
from .networks.livejournal import journal_view as lj_journal_view
from .networks.livejournal import xmlrpc_view as lj_xmlrpc_view
from .networks.max import api_view as max_api_view
from .networks.max import channel_page as max_channel_page
from .networks.max import reader_comment as max_reader_comment
from .networks.max import upload_view as max_upload_view
from .networks.wordpress import api_view as wp_api_view
from .networks.wordpress import blog_view as wp_blog_view
from .networks.wordpress import index_view as wp_index_view
from .networks.wordpress import reader_comment as wp_reader_comment
from .networks.wordpress import upload_file as wp_upload_file
from .staff import staff_only

app_name = "sandbox"


def api(view):
    """An emulated API endpoint: counted while it answers, with the faults that are
    applied around the network's own view (faults.answering)."""
    return tracked(faults.answering(view))


urlpatterns = [
    path("", pages.index, name="index"),
    # The OAuth endpoints (VK ID, OK, Facebook, Instagram) the registry's connect flow uses.
    path("oauth/", include("sandbox.oauth_urls")),
    path("faults/", pages.faults, name="faults"),
    path("faults/api/", pages.faults_api, name="faults_api"),
    path("media/<str:key>/", pages.media, name="media"),
    path("avatar/<int:user_id>.svg", avatars.avatar, name="avatar"),
    path("comment/<int:post_pk>/", pages.comment, name="comment"),
    path(
        "callback/<int:account_pk>/",
        callback_pages.callback_settings,
        name="callback",
    ),
    path("vk/method/<str:method>", api(vk.method_view), name="vk_method"),
    path("vk/upload/", api(vk.upload_view), name="vk_upload"),
    path("vk/club<str:group_id>/", pages.vk_wall, name="vk_wall"),
    path("ok/fb.do", api(ok.rest_view), name="ok_rest"),
    path("ok/api/<str:group>/<str:name>", api(ok.rest_view), name="ok_rest_path"),
    path("ok/upload/", api(ok.upload_view), name="ok_upload"),
    path("ok/group/<str:group_id>/", pages.ok_group, name="ok_group"),
    re_path(
        r"^telegram/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$",
        api(telegram.bot_view),
        name="tg_bot",
    ),
    re_path(
        r"^telegram/file/bot(?P<token>[^/]+)/(?P<file_path>.+)$",
        api(telegram.file_view),
        name="tg_file",
    ),
    path("telegram/<str:chat>/", pages.telegram_channel, name="tg_channel"),
    path("telegraph/p/<str:path>/", telegraph.page_view, name="telegraph_page"),
    path(
        "telegraph/<str:method>/<str:path>",
        api(telegraph.api_view),
        name="telegraph_api_path",
    ),
    path("telegraph/<str:method>", api(telegraph.api_view), name="telegraph_api"),
    re_path(
        r"^max/(?P<path>(?:me|chats|messages|uploads|subscriptions|updates)(?:/[^?]*)?)$",
        api(max_api_view),
        name="max_api",
    ),
    path("max/upload/<str:key>", api(max_upload_view), name="max_upload"),
    path("max/channel/<str:chat>/", max_channel_page, name="max_channel"),
    path(
        "max/channel/<str:chat>/comment/<str:mid>/",
        max_reader_comment,
        name="max_comment",
    ),
    path(
        "facebook/graph/<path:path>",
        api(facebook.graph_view),
        name="facebook_graph",
    ),
    path("facebook/page/<str:page_id>/", facebook.page, name="facebook_page"),
    re_path(
        r"^instagram/graph/(?P<path>.+)$",
        api(instagram.graph_view),
        name="instagram_graph",
    ),
    path(
        "instagram/profile/<str:ig_user_id>/",
        instagram.profile,
        name="instagram_profile",
    ),
    path(
        "instagram/profile/<str:ig_user_id>/comment/<int:media_id>/",
        instagram.reader_comment,
        name="instagram_comment",
    ),
    path(
        "livejournal/interface/xmlrpc",
        api(lj_xmlrpc_view),
        name="lj_xmlrpc",
    ),
    path("livejournal/<str:journal>/", lj_journal_view, name="lj_journal"),
    path(
        "livejournal/<str:journal>/<int:ditemid>.html",
        lj_entry_page,
        name="lj_entry",
    ),
    path(
        "facebook/page/<str:page_id>/comment/<int:post_pk>/",
        facebook.comment,
        name="facebook_comment",
    ),
    path(
        "facebook/page/<str:page_id>/events/",
        staff_only(facebook.subscription),  # shows the app secret (issue 12.6)
        name="facebook_subscription",
    ),
    path("wordpress/<str:blog>/", wp_blog_view, name="wp_blog"),
    path(
        "wordpress/<str:blog>/comment/<int:post_id>/",
        wp_reader_comment,
        name="wp_comment",
    ),
    path("wordpress/<str:blog>/wp-json/", api(wp_index_view), name="wp_index"),
    path(
        "wordpress/<str:blog>/wp-json/wp/v2/<path:route>",
        api(wp_api_view),
        name="wp_api",
    ),
    path(
        "wordpress/<str:blog>/wp-content/uploads/<str:key>/<str:filename>",
        wp_upload_file,
        name="wp_upload",
    ),
]
