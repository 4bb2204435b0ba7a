"""Every network Vestnik knows, declared once: its code, name, role classes and what it
can do. The only place a network code or capability is written down.

As django-allauth registers its providers, each network is one ``NetworkSpec``
``register``-ed below; the UI, the delivery, the moderation and the registry read it
and never branch on a network's name. The role classes are dotted paths resolved
lazily (``load``), as Wagtail's frontend-cache backends are, so this module imports
no other project module: it is the bottom layer every app may read.

Adding a network: a spec here plus its role modules (``ADDING_A_NETWORK.md``).
Facts are from ``docs/networks.md`` (section in the comment) and
``syndication/api/NOTES.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Polling(enum.StrEnum):
    """How comments are read when nothing pushes them (or to catch what a push
    missed)."""

    NONE = "none"
    PER_POST = "post"  # each recent post's comments, from a cursor per post
    ACCOUNT = "account"  # one stream per account, read only while no webhook is set


class Action(enum.StrEnum):
    """Moderation actions on a reader's comment (values as ``ModerationAction``)."""

    REPLY = "reply"
    HIDE = "hide"
    UNHIDE = "unhide"
    DELETE = "delete"
    BAN = "ban"
    UNBAN = "unban"
    EDIT = "edit"  # change our own reply


@dataclass(frozen=True)
class CredentialField:
    """One field of an account's credential JSON (``Account.set_credential``).

    ``kind``: ``text``, ``url``, ``datetime`` (ISO 8601 or a Unix time) or ``choice``
    (one of ``choices``). ``secret`` fields are write-only and never shown again."""

    name: str
    label: Any
    help_text: Any = ""
    secret: bool = False
    required: bool = True
    kind: str = "text"
    choices: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class NetworkSpec:
    """What a network is and can do. A role left empty means the network has none."""

    code: str
    name: Any  # a lazy translated display name
    # Its usual short name on a calendar card (its colour in admin.css), as press
    # offices write it: a brand abbreviation, not a word to translate.
    mark: str = ""
    # -- roles: dotted paths, imported only when used ------------------------------
    render: str = ""  # syndication.networks.<code>.<Code>Network: render + preview
    client: str = ""  # syndication.api.<code>.<Code>Client: the HTTP client
    webhook: str = ""  # moderation.webhooks.<code>.<Code>WebhookView: pushed events
    oauth: str = ""  # accounts_registry.oauth.providers.<Provider>: OAuth connect
    # -- the account and its credential -------------------------------------------
    external_id_help: Any = ""  # what the account's external id is on this network
    credential: tuple[CredentialField, ...] = ()
    credential_label: str = ""  # short type shown in the admin; {field} from the JSON
    # The bot of the credential must administer the channel (checked at once).
    bot_admin: bool = False
    # -- the API -------------------------------------------------------------------
    # Settings naming the API base URL, first non-empty wins (an environment variable
    # of the same name overrides each; syndication.conf). Empty: a feed (Dzen) or a
    # URL per account (the credential's site_url, WordPress).
    api_url_settings: tuple[str, ...] = ()
    # Meta Platforms, recognised as extremist in Russia on 21.03.2022: blocked until a
    # keeper enables the network on record, never chosen by default.
    restricted: bool = False
    # The publish call de-duplicates on a key we send (VK wall.post ``guid``), so an
    # unknown outcome may be repeated blindly.
    idempotent_publish: bool = False
    # The API can read the account's posts back, so a publish whose answer was lost
    # can be checked by looking the post up instead of guessing.
    lookup_after_unknown: bool = False
    can_edit_posts: bool = False
    can_delete_posts: bool = False
    # -- long texts ----------------------------------------------------------------
    # A text too long for one message may go to a page of a ``hosts_long_texts``
    # account, linked from the post (delivery/full_text.py).
    long_text_pages: bool = False
    hosts_long_texts: bool = False
    # -- comments ------------------------------------------------------------------
    polling: Polling = Polling.NONE
    moderation: frozenset[Action] = frozenset()
    # -- the account's public profile ------------------------------------------------
    # Description, avatar and cover can be pushed from the registry (order, cl. 2.4).
    profile_design: bool = False

    @property
    def renders(self) -> bool:
        """Posts are made from pieces (Dzen reads a feed instead)."""
        return bool(self.render)

    @property
    def own_text(self) -> bool:
        """The editor may replace the generated post with an own text."""
        return self.renders

    @property
    def comments_pushed(self) -> bool:
        return bool(self.webhook)

    @property
    def comments_polled(self) -> bool:
        return self.polling != Polling.NONE

    def supports(self, action: str) -> bool:
        return action in self.moderation

    def credential_fields(self, *, required: bool | None = None) -> list[str]:
        return [
            f.name
            for f in self.credential
            if required is None or f.required == required
        ]

    def load(self, role: str):
        """The class of ``role`` (``render``, ``client``, ``webhook``, ``oauth``);
        ``LookupError`` when the network has none."""
        path = getattr(self, role)
        if not path:
            raise LookupError(f"{self.code} has no {role}")
        return _import(path)


@cache
def _import(path: str):
    return import_string(path)


_SPECS: dict[str, NetworkSpec] = {}


def register(spec: NetworkSpec) -> NetworkSpec:
    if spec.code in _SPECS:
        raise ValueError(f"network {spec.code!r} is registered twice")
    _SPECS[spec.code] = spec
    return spec


def get_spec(code: str) -> NetworkSpec:
    """The spec of ``code``; ``LookupError`` for an unknown code."""
    try:
        return _SPECS[code]
    except KeyError:
        raise LookupError(f"no network registered as {code!r}") from None


def all_specs() -> Iterator[NetworkSpec]:
    return iter(_SPECS.values())


def codes() -> tuple[str, ...]:
    return tuple(_SPECS)


def choices() -> list[tuple[str, Any]]:
    """``(code, name)`` for model and form fields, in registration order."""
    return [(spec.code, spec.name) for spec in _SPECS.values()]


def codes_where(predicate) -> tuple[str, ...]:
    return tuple(spec.code for spec in _SPECS.values() if predicate(spec))


def mark_of(code: str) -> str:
    """The short mark of ``code`` on a calendar card (its first letters when unknown)."""
    spec = _SPECS.get(code)
    return (spec.mark if spec else "") or code[:3].upper()


def name_of(code: str):
    """The display name of ``code`` (the code itself when unknown, e.g. old data)."""
    spec = _SPECS.get(code)
    return spec.name if spec else code


# -- credential fields shared by several networks ---------------------------------------
def _expires_at(required: bool = False) -> CredentialField:
    return CredentialField(
        "expires_at",
        _("Expires at"),
        _("When the token stops working: an ISO 8601 date and time or a Unix time."),
        required=required,
        kind="datetime",
    )


def _bot_token() -> CredentialField:
    return CredentialField(
        "bot_token",
        _("Bot token"),
        _("The token the network gave when the bot was created."),
        secret=True,
    )


A = Action

# -- the networks, in the order the admin lists them ------------------------------------
# Order matters: Account.network's choices follow it (a migration if it changes).

register(
    NetworkSpec(
        code="vk",
        name=_("VKontakte"),
        mark="ВК",
        render="syndication.networks.vk.VKNetwork",
        client="syndication.api.vk.VKClient",
        webhook="moderation.webhooks.vk.VkWebhookView",  # Callback API (§1.6)
        oauth="accounts_registry.oauth.providers.VKID",
        external_id_help=_("The community's numeric id (vk.com/club123456 → 123456)."),
        credential=(
            CredentialField(
                "access_token",
                _("Access token"),
                _("A community token or the token of a community administrator."),
                secret=True,
            ),
            CredentialField(
                "token_type",
                _("Token type"),
                _("Whose token it is: a user's or the community's."),
                kind="choice",
                # «ключ пользователя / сообщества»: the words' case differs by context.
                choices=(
                    ("user", pgettext_lazy("whose token", "user")),
                    ("community", pgettext_lazy("whose token", "community")),
                ),
            ),
            CredentialField(
                "refresh_token",
                _("Refresh token"),
                _("VK ID gives it with the token; Vestnik renews the token with it."),
                secret=True,
                required=False,
            ),
            _expires_at(),
            CredentialField(
                "device_id",
                _("Device id"),
                _("VK ID's device id, needed to renew the token."),
                required=False,
            ),
            CredentialField(
                "user_id",
                _("User id"),
                _("The VK user who gave the token."),
                required=False,
            ),  # fmt: skip
        ),
        credential_label="vk:{token_type}",
        api_url_settings=("VK_API_URL",),
        # wall.post guid: the same guid within an hour returns the existing post.
        idempotent_publish=True,
        lookup_after_unknown=True,  # wall.getById (§1.3 "Read back")
        can_edit_posts=True,
        can_delete_posts=True,
        polling=Polling.PER_POST,  # wall.getComments
        # No hiding on a VK wall: wall.deleteComment only (§1.5).
        moderation=frozenset({A.REPLY, A.DELETE, A.BAN, A.UNBAN}),
        profile_design=True,  # groups.edit, photos.saveOwnerPhoto, cover (§1.8)
    )
)

register(
    NetworkSpec(
        code="ok",
        name=_("Odnoklassniki"),
        mark="ОК",
        render="syndication.networks.ok.OKNetwork",
        client="syndication.api.ok.OKClient",
        # The Bot API pushes group-chat messages; post comments come by polling.
        webhook="moderation.webhooks.ok.OkWebhookView",
        oauth="accounts_registry.oauth.providers.OK",
        external_id_help=_("The group's numeric id."),
        credential=(
            CredentialField(
                "application_key",
                _("Application public key"),
                _("The public key of the OK application."),
            ),
            CredentialField(
                "application_secret_key",
                _("Application secret key"),
                _("The secret key of the OK application: it signs every call."),
                secret=True,
            ),
            CredentialField(
                "access_token",
                _("Access token"),
                _("The token of a group administrator."),
                secret=True,
            ),
            CredentialField(
                "session_secret_key",
                _("Session secret key"),
                _(
                    "Given with the token; without it the key is derived from the token."
                ),
                secret=True,
                required=False,
            ),
            CredentialField(
                "refresh_token",
                _("Refresh token"),
                _(
                    "OK OAuth gives it with the token; Vestnik renews the token with it."
                ),
                secret=True,
                required=False,
            ),
            _expires_at(),
            CredentialField(
                "application_id",
                _("Application id"),
                _("The OK application's id."),
                required=False,
            ),  # fmt: skip
        ),
        credential_label="ok",
        api_url_settings=("OK_API_URL",),
        can_edit_posts=True,  # mediatopic.edit, parameters UNVERIFIED (NOTES)
        can_delete_posts=True,
        polling=Polling.PER_POST,  # discussions.getComments
        # A ban is only a flag of deleting a comment (block_author, §2.5), and no
        # reply call is used: only deleting is claimed.
        moderation=frozenset({A.DELETE}),
    )
)

register(
    NetworkSpec(
        code="telegram",
        name=_("Telegram"),
        mark="TG",
        render="syndication.networks.telegram.TelegramNetwork",
        client="syndication.api.telegram.TelegramClient",
        webhook="moderation.webhooks.telegram.TelegramWebhookView",
        external_id_help=_("The channel's chat id (-100…) or @username."),
        credential=(_bot_token(),),
        credential_label="telegram:bot",
        bot_admin=True,
        api_url_settings=("TELEGRAM_API_URL",),
        # The Bot API cannot read a channel's history: a lost answer stays unknown.
        can_edit_posts=True,
        can_delete_posts=True,
        long_text_pages=True,
        # getUpdates of the discussion group, refused while a webhook is set (§3.5).
        polling=Polling.ACCOUNT,
        # No hiding in a discussion group: deleteMessage only (§3.5).
        moderation=frozenset({A.REPLY, A.DELETE, A.BAN, A.UNBAN}),
    )
)

register(
    NetworkSpec(
        code="max",
        name=_("MAX"),
        mark="MAX",
        render="syndication.networks.max.MaxNetwork",
        client="syndication.api.max.MaxClient",
        webhook="moderation.webhooks.max.MaxWebhookView",
        external_id_help=_("The channel's chat id (a negative number)."),
        credential=(_bot_token(),),
        credential_label="max:bot",
        bot_admin=True,
        api_url_settings=("MAX_API_URL",),
        lookup_after_unknown=True,  # GET /messages?chat_id= (§9.3 "Read back")
        can_edit_posts=True,
        can_delete_posts=True,
        # Pushed; polled per post to catch what a webhook outage missed (§9.6).
        polling=Polling.PER_POST,
        # Blocking a member exists but its effect on commenting is UNVERIFIED (§9.5).
        moderation=frozenset({A.REPLY, A.DELETE}),
    )
)

register(
    NetworkSpec(
        code="facebook",
        name=_("Facebook"),
        mark="FB",
        render="syndication.networks.facebook.FacebookNetwork",
        client="syndication.api.facebook.FacebookClient",
        webhook="moderation.webhooks.facebook.FacebookWebhookView",
        oauth="accounts_registry.oauth.providers.Facebook",
        external_id_help=_("The Page id."),
        credential=(
            CredentialField(
                "page_access_token",
                _("Page access token"),
                _("OAuth connect stores it from a long-lived user token."),
                secret=True,
            ),
            CredentialField(
                "user_access_token",
                _("User access token"),
                _("The long-lived user token the Page token came from."),
                secret=True,
                required=False,
            ),
            _expires_at(),
        ),
        credential_label="facebook:page",
        api_url_settings=("GRAPH_API_URL",),
        restricted=True,
        # No read-back call of a Page's posts is checked in docs/networks.md §4.
        can_edit_posts=True,
        can_delete_posts=True,
        polling=Polling.PER_POST,
        moderation=frozenset(
            {A.REPLY, A.HIDE, A.UNHIDE, A.DELETE, A.BAN, A.UNBAN}
        ),  # is_hidden, DELETE, /{page}/blocked (§4.5)
    )
)

register(
    NetworkSpec(
        code="instagram",
        name=_("Instagram"),
        mark="IG",
        render="syndication.networks.instagram.InstagramNetwork",
        client="syndication.api.instagram.InstagramClient",
        webhook="moderation.webhooks.instagram.InstagramWebhookView",
        oauth="accounts_registry.oauth.providers.Instagram",
        external_id_help=_("The professional account's id."),
        credential=(
            CredentialField(
                "access_token",
                _("Access token"),
                _("A long-lived token with the Instagram permissions."),
                secret=True,
            ),
            CredentialField(
                "ig_user_id",
                _("Instagram user id"),
                _("The professional account's id the token acts for."),
            ),
            _expires_at(),
        ),
        credential_label="instagram",
        # INSTAGRAM_API_URL for Instagram Login tokens, else the shared Graph URL.
        api_url_settings=("INSTAGRAM_API_URL", "GRAPH_API_URL"),
        restricted=True,
        # media_publish's container tells whether it was published (NOTES).
        lookup_after_unknown=True,
        # No documented call edits a published post or deletes it (§5.3; the
        # UNVERIFIED delete is behind INSTAGRAM_MEDIA_DELETE).
        polling=Polling.PER_POST,
        moderation=frozenset({A.REPLY, A.HIDE, A.UNHIDE, A.DELETE}),  # §5.5
    )
)

register(
    NetworkSpec(
        code="wordpress",
        name=_("WordPress"),
        mark="WP",
        render="syndication.networks.wordpress.WordPressNetwork",
        client="syndication.api.wordpress.WordPressClient",
        external_id_help=_("The blog's name."),
        credential=(
            CredentialField(
                "site_url",
                _("Site address"),
                _("The blog's address, e.g. https://blog.example.ru."),
                kind="url",
            ),
            CredentialField(
                "username", _("User name"), _("The WordPress user who publishes.")
            ),
            CredentialField(
                "application_password",
                _("Application password"),
                _("Made in the user's profile («Application passwords»)."),
                secret=True,
            ),
            CredentialField(
                "categories",
                _("Categories"),
                _(
                    "The blog's categories for every post: names or ids, "
                    "comma-separated (“Новости, 12”); missing names are created."
                ),
                required=False,
            ),
        ),
        credential_label="wordpress:application-password",
        lookup_after_unknown=True,  # GET /wp/v2/posts (§6.A.3, the posts controller)
        can_edit_posts=True,
        can_delete_posts=True,
        polling=Polling.PER_POST,  # no webhooks in core (§6.A.6)
        # "Hide" holds the comment for moderation; core has no per-user block.
        moderation=frozenset({A.REPLY, A.HIDE, A.DELETE}),
    )
)

register(
    NetworkSpec(
        code="livejournal",
        name=_("LiveJournal"),
        mark="ЖЖ",
        render="syndication.networks.livejournal.LiveJournalNetwork",
        client="syndication.api.livejournal.LiveJournalClient",
        external_id_help=_("The journal's name."),
        credential=(
            CredentialField("username", _("User name"), _("The journal's user.")),
            CredentialField(
                "password",
                _("Password"),
                _("Never leaves Vestnik: LiveJournal's challenge-response is used."),
                secret=True,
            ),
            CredentialField(
                "site_url",
                _("XML-RPC address"),
                _("Empty: LIVEJOURNAL_API_URL."),
                required=False,
                kind="url",
            ),
        ),
        credential_label="livejournal",
        api_url_settings=("LIVEJOURNAL_API_URL",),
        lookup_after_unknown=True,  # getevents (§6.C.1)
        can_edit_posts=True,
        can_delete_posts=True,  # editevent with an empty event
        # Comments are not read: the API's comment calls are UNVERIFIED (NOTES).
    )
)

register(
    NetworkSpec(
        code="telegraph",
        name=_("Telegraph"),
        mark="TP",
        render="syndication.networks.telegraph.TelegraphNetwork",
        client="syndication.api.telegraph.TelegraphClient",
        external_id_help=_("The account's short name."),
        credential=(
            CredentialField(
                "access_token",
                _("Access token"),
                _("The token createAccount returned."),
                secret=True,
            ),
            CredentialField(
                "short_name",
                _("Short name"),
                _("The account's short name."),
                required=False,
            ),  # fmt: skip
        ),
        credential_label="telegraph",
        api_url_settings=("TELEGRAPH_API_URL",),
        lookup_after_unknown=True,  # getPageList (§6.B.3)
        can_edit_posts=True,  # editPage; there is no delete
        hosts_long_texts=True,
    )
)

register(
    NetworkSpec(
        code="dzen",
        name=_("Dzen"),
        mark="Дзен",
        # Dzen imports our RSS feed (/feeds/dzen/rss.xml): no render, no client, no
        # credential; the feed follows the page.
        external_id_help=_("The channel's name."),
        credential_label="dzen",
    )
)
