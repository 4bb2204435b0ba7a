"""What every network client shares: results (RemoteRef, RemoteComment), the rate
limited call path, and fetching media to upload."""

from __future__ import annotations

import functools
import mimetypes
import posixpath
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings

from syndication import conf, ratelimit
from syndication.exceptions import Unsupported

from . import http
from .errors import PermanentError, RateLimited, TransientError


@dataclass
class RemoteRef:
    """Every remote object a publish created, in order (``ids``), the URL readers
    open, and what a later edit or delete needs (``extra``)."""

    ids: list[str] = field(default_factory=list)
    url: str = ""
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> RemoteRef:
        data = data or {}
        return cls(
            ids=[str(i) for i in data.get("ids", [])],
            url=data.get("url", ""),
            extra=dict(data.get("extra") or {}),
        )


@dataclass
class RemoteComment:
    id: str
    post_id: str
    author_id: str
    author_name: str
    text: str
    date: datetime | None = None
    reply_to: str = ""
    raw: dict = field(default_factory=dict)


@dataclass
class Media:
    filename: str
    content: bytes
    content_type: str


_limited = threading.local()


def _honouring_waits(call):
    """Wrap a client's ``call``: when the network answers with a wait (RateLimited
    from the network, not from our own limiter), every limiter key the call went
    through — the token, the chat — is paused for that long, so no other delivery,
    poll or moderation action with this token sends inside the wait (issue 11.2).
    The token's in-flight slot (``Client.limit``) is given back only after that, so
    a call waiting for it sees the pause before anything leaves."""

    @functools.wraps(call)
    def wrapper(self, *args, **kwargs):
        outer_keys = getattr(_limited, "keys", None)
        outer_slots = getattr(_limited, "slots", None)
        _limited.keys = []
        _limited.slots = []
        try:
            return call(self, *args, **kwargs)
        except RateLimited as exc:
            if exc.network and exc.retry_after:
                for key in _limited.keys:
                    ratelimit.pause(key, exc.retry_after)
            raise
        finally:
            try:
                for key, member in _limited.slots:
                    if member is not None:
                        ratelimit.release(key, member)
                        _held().discard(key)
            finally:
                if outer_keys is not None:
                    outer_keys.extend(_limited.keys)
                _limited.keys = outer_keys
                _limited.slots = outer_slots

    return wrapper


def _held() -> set:
    """The tokens whose slot this thread holds (a call made inside another call with
    the same token must not wait for its own slot)."""
    if not hasattr(_limited, "held"):
        _limited.held = set()
    return _limited.held


class Client:
    """One account of one network. Subclasses implement ``call`` and the operations;
    the ones a network lacks raise ``Unsupported``. Every ``call`` is wrapped by
    ``_honouring_waits``."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "call" in cls.__dict__:
            cls.call = _honouring_waits(cls.__dict__["call"])

    network = ""
    # Whether ``find_published`` can look up what a publish with an unknown outcome
    # may have made (issue 11.1): the delivery then checks instead of asking a person.
    can_find_published = False

    def __init__(self, account, credential: dict | None = None, session=None):
        self.account = account
        self.credential = (
            credential if credential is not None else account.get_credential()
        )
        self.session = session or http.make_session()

    # -- plumbing ----------------------------------------------------------------
    def limit(self, key: str, rate_setting: str) -> None:
        """Wait for the turn of a call with ``key``. Each client limits its token
        first: inside ``call`` that first key's in-flight slot is taken before its
        turn (RATE_LIMIT_IN_FLIGHT), and held until the answer is read."""
        rate, per = ratelimit_setting(rate_setting)
        slots = getattr(_limited, "slots", None)
        in_flight = ratelimit.in_flight_limit()
        if slots == [] and in_flight:
            if key in _held():  # an outer call with this token holds its slot
                slots.append((key, None))
            else:
                slots.append((key, ratelimit.hold(key, in_flight)))
                _held().add(key)
        ratelimit.acquire(key, rate, per)
        keys = getattr(_limited, "keys", None)
        if keys is not None:
            keys.append(key)

    def fetch_media(self, url: str) -> Media:
        """The bytes of a photo to upload: a file under MEDIA_ROOT when the URL points
        there (no HTTP to ourselves), else an HTTP GET."""
        path = urlparse(url).path
        name = posixpath.basename(path) or "photo.jpg"
        content_type = mimetypes.guess_type(name)[0] or "image/jpeg"
        media_url = settings.MEDIA_URL
        if path.startswith(media_url):
            local = Path(settings.MEDIA_ROOT) / path[len(media_url) :]
            if local.is_file():
                return Media(name, local.read_bytes(), content_type)
        if not url.startswith(("http://", "https://")):
            raise PermanentError(f"media not found: {url}", network=self.network)
        response = http.send(
            self.session, "GET", url, network=self.network, idempotent=True
        )
        if response.status_code >= 500:
            raise TransientError(
                f"media fetch {response.status_code}: {url}", network=self.network
            )
        if response.status_code != 200:
            raise PermanentError(
                f"media fetch {response.status_code}: {url}", network=self.network
            )
        content_type = response.headers.get("Content-Type", content_type).split(";")[0]
        return Media(name, response.content, content_type)

    # -- the operations (contracts.md) -----------------------------------------------
    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        raise Unsupported("publish", network=self.network)

    def find_published(self, post, since: datetime) -> RemoteRef | None:
        """The post ``post`` made on the network at or after ``since``, by a marker
        we control (its text, its time); ``None`` when it is certainly not there.
        ``Unsupported`` when this post cannot be told apart (a person checks)."""
        raise Unsupported("find_published", network=self.network)

    def edit(self, ref: RemoteRef, post) -> RemoteRef:
        raise Unsupported("edit", network=self.network)

    def delete(self, ref: RemoteRef) -> None:
        raise Unsupported("delete", network=self.network)

    def check_token(self) -> dict:
        raise Unsupported("check_token", network=self.network)

    def fetch_comments(self, post_remote_id, cursor=None):
        raise Unsupported("fetch_comments", network=self.network)

    def delete_comment(self, post_remote_id, comment_id) -> None:
        raise Unsupported("delete_comment", network=self.network)

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        raise Unsupported("reply", network=self.network)

    def ban(self, user_id, reason: str = "", until: datetime | None = None) -> None:
        raise Unsupported("ban", network=self.network)

    def unban(self, user_id) -> None:
        raise Unsupported("unban", network=self.network)

    def hide_comment(self, post_remote_id, comment_id) -> None:
        raise Unsupported("hide_comment", network=self.network)


def ratelimit_setting(name: str) -> tuple[int, float]:
    rate, per = conf.get(name)
    return int(rate), float(per)


def ref_of(value) -> RemoteRef:
    return value if isinstance(value, RemoteRef) else RemoteRef.from_dict(value)
