"""The emulated LiveJournal: the XML-RPC endpoint ``/sandbox/livejournal/interface/xmlrpc``
and the journal as readers see it, ``/sandbox/livejournal/<journal>/``.

Wire format (docs/networks.md §6.C, NOTES.md "LiveJournal"): ``POST`` of an XML-RPC
``methodCall`` ``LJ.XMLRPC.<method>`` with one struct; the answer is a
``methodResponse`` struct or a fault whose ``faultCode`` is LiveJournal's three-digit
code and ``faultString`` its message, as ``LJ::Protocol::error_message`` words it
("Client error: " from 200, "Server error: " from 500) — [repo: apparentlymart/livejournal
cgi-bin/ljprotocol.pl]. Parsed and answered with ``xmlrpc.client.loads/dumps``.

Authentication is challenge–response only: ``getchallenge`` issues a single-use
challenge valid 60 s; a call carries ``auth_challenge`` and ``auth_response =
md5_hex(challenge + md5_hex(password))``, checked against the password in
``SandboxAccount.extra``. Stricter than LiveJournal on purpose: ``auth_method=clear``
(a password on the wire) is refused with 101, so a client that sends one fails here.
A reused or unknown challenge is 101 "Invalid password", an expired one 105, an
unknown user 100 (all as LiveJournal's ``authenticate``).

The account: ``external_id`` is the journal; ``extra`` = ``{"password"[, "username"]}``
(``username`` defaults to the journal: a personal journal). A journal whose
``extra.username`` is another user's is a community that user may post to
(``usejournal``).

Assumptions (UNVERIFIED, our choice): an unreadable request is fault -32700; the rate
limit of ``postevent`` is 20 per minute per journal (fault 405); the faults page's
kinds: ``http500`` → HTTP 500, ``rate_limit`` → 405, ``auth`` → 101.
"""

from __future__ import annotations

import hashlib
import random
import re
import secrets
import threading
import time
import xmlrpc.client
from html import unescape

import bleach
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from sandbox.common import take_fault, windows
from sandbox.models import LIVEJOURNAL, SandboxAccount, SandboxPost
from sandbox.serve import arrival

MESSAGES = {
    100: "Invalid username",
    101: "Invalid password",
    105: "Challenge expired",
    200: "Missing required argument(s)",
    201: "Unknown method",
    203: "Invalid argument(s)",
    204: "Invalid metadata datatype",
    205: "Unknown metadata",
    206: "Invalid destination journal username.",
    300: "Don't have access to requested journal",
    302: "Can't edit post from requested journal",
    405: "Post frequency limit.",
    409: "Post too large.",
    500: "Internal server error",
}
BMAX_EVENT = 65_535  # bytes (LJ::BMAX_EVENT); the server refuses at or over it
CMAX_SUBJECT = 100  # characters; LiveJournal trims the subject silently
CHALLENGE_LIFETIME = 60  # seconds, as LiveJournal's getchallenge
POST_RATE = (20, 60.0)  # postevent per journal: our assumption
# Known entry props and their types (a subset of LiveJournal's proplist).
PROPS = {
    "taglist": "char",
    "opt_preformatted": "bool",
    "opt_backdated": "bool",
    "opt_nocomments": "bool",
    "current_mood": "char",
    "current_music": "char",
    "revnum": "num",
    "revtime": "num",
}
# What the journal page shows: the emulator's own copy of the allow-list, on purpose
# (it checks the render rather than trusting the same list).
PAGE_TAGS = {"p", "br", "a", "b", "i", "u", "s", "h2", "h3", "h4", "blockquote"}
PAGE_TAGS |= {"ul", "ol", "li", "figure", "img", "figcaption"}
PAGE_ATTRS = {"a": ["href"], "img": ["src", "alt"]}
CUT = re.compile(r'<lj-cut(?:\s+text="([^"]*)")?\s*>(.*?)(?:</lj-cut>|$)', re.S)


class LJFault(Exception):
    def __init__(self, code: int, detail: str = ""):
        super().__init__(code, detail)
        self.code, self.detail = code, detail

    def text(self) -> str:
        prefix = "Server error: " if self.code >= 500 else ""
        prefix = prefix or ("Client error: " if self.code >= 200 else "")
        message = prefix + MESSAGES.get(self.code, "BUG: Unknown error code!")
        return f"{message}: {self.detail}" if self.detail else message


class Challenges:
    """Issued challenges, each usable once before it expires (one server process)."""

    def __init__(self):
        self._issued: dict[str, float] = {}
        self._lock = threading.Lock()

    def issue(self) -> tuple[str, int, int]:
        now = int(time.time())
        challenge = (
            f"c0:{now}:{random.randrange(3600)}:{CHALLENGE_LIFETIME}:"
            f"{secrets.token_urlsafe(15)}:{secrets.token_hex(16)}"
        )
        with self._lock:
            for old, expires in list(self._issued.items()):
                if expires < now - 600:
                    del self._issued[old]
            self._issued[challenge] = now + CHALLENGE_LIFETIME
        return challenge, now, now + CHALLENGE_LIFETIME

    def take(self, challenge: str) -> float | None:
        """The challenge's expiry time, removing it; None if unknown or used."""
        with self._lock:
            return self._issued.pop(challenge, None)


challenges = Challenges()


def md5_hex(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _username(account: SandboxAccount) -> str:
    return str(account.extra.get("username") or account.external_id)


def _user_accounts(username: str) -> list[SandboxAccount]:
    """The user's own journal and the communities they may post to."""
    accounts = SandboxAccount.objects.filter(network=LIVEJOURNAL)
    return [a for a in accounts if _username(a) == username]


def authenticate(params: dict) -> list[SandboxAccount]:
    username = str(params.get("username") or "").strip().lower()
    if not username:
        raise LJFault(200)
    accounts = _user_accounts(username)
    own = next((a for a in accounts if a.external_id == username), None)
    if own is None:
        raise LJFault(100)
    if params.get("auth_method") != "challenge" or own.token_revoked:
        raise LJFault(101)  # see the module docstring: no clear passwords here
    challenge = str(params.get("auth_challenge") or "")
    expires = challenges.take(challenge)
    if expires is None:
        raise LJFault(101)
    if expires < time.time():
        raise LJFault(105)
    expected = md5_hex(challenge + md5_hex(str(own.extra.get("password", ""))))
    if not secrets.compare_digest(expected, str(params.get("auth_response") or "")):
        raise LJFault(101)
    return accounts


def target_journal(params: dict, accounts: list[SandboxAccount]) -> SandboxAccount:
    journal = str(params.get("usejournal") or params["username"]).strip().lower()
    for account in accounts:
        if account.external_id == journal:
            return account
    if SandboxAccount.objects.filter(network=LIVEJOURNAL, external_id=journal).exists():
        raise LJFault(300)
    raise LJFault(206)


def entry_url(request, post: SandboxPost) -> str:
    return request.build_absolute_uri(
        reverse(
            "sandbox:lj_entry", args=[post.account.external_id, post.meta["ditemid"]]
        )
    )


def _number(params, name, low, high) -> int:
    try:
        value = int(params.get(name))
    except (TypeError, ValueError):
        raise LJFault(203, f"Invalid {name} value.") from None
    if not low <= value <= high:
        raise LJFault(203, f"Invalid {name} value.")
    return value


def _props(params: dict, old: dict | None = None) -> dict:
    props = dict(old or {})
    given = params.get("props") or {}
    if not isinstance(given, dict):
        raise LJFault(203, "props")
    for name, value in given.items():
        kind = PROPS.get(name)
        if kind is None:
            raise LJFault(205, re.sub(r"\W", "", name))
        if kind == "bool" and value not in (0, 1, "0", "1", True, False):
            raise LJFault(204, f'Property "{name}" should be 0 or 1')
        props[name] = int(value) if kind == "bool" else value
    return props


def _tags(props: dict) -> list[str]:
    return [t.strip() for t in str(props.get("taglist", "")).split(",") if t.strip()]


def _event(params: dict) -> str:
    event = str(params.get("event") or "")
    if params.get("lineendings") == "mac":
        event = event.replace("\r", "\n")
    event = event.replace("\r", "").strip()
    if len(event.encode()) >= BMAX_EVENT:
        raise LJFault(409)
    return event


def _dupsig(params: dict, journal: str) -> str:
    fields = [params.get(k, "") for k in ("subject", "event", "security", "allowmask")]
    return md5_hex("|".join(map(str, [journal, *fields])))


def postevent(request, params, accounts):
    journal = target_journal(params, accounts)
    event = _event(params)
    if not event:
        raise LJFault(200)
    year = _number(params, "year", 1970, 2037)
    mon = _number(params, "mon", 1, 12)
    day = _number(params, "day", 1, 31)
    hour = _number(params, "hour", 0, 23)
    minute = _number(params, "min", 0, 59)
    props = _props(params)
    key = f"livejournal:{journal.pk}"
    if journal.enforce_rate_limits and windows.hit(
        key, *POST_RATE, at=arrival(request)
    ):
        raise LJFault(405)
    dupsig = _dupsig(params, journal.external_id)
    last = journal.posts.filter(deleted=False).order_by("-remote_id").first()
    if last is not None and last.meta.get("dupsig") == dupsig:
        # LiveJournal answers a repeat of the last entry with that entry.
        return {"itemid": last.remote_id, "anum": last.meta["anum"],
                "url": entry_url(request, last)}  # fmt: skip
    itemid = journal.next_id()
    anum = random.randrange(256)
    post = SandboxPost.objects.create(
        account=journal, remote_id=itemid, kind="entry", text=event,
        parse_mode="html",
        meta={
            "subject": str(params.get("subject") or "")[:CMAX_SUBJECT],
            "anum": anum, "ditemid": itemid * 256 + anum, "props": props,
            "tags": _tags(props), "security": params.get("security") or "public",
            "eventtime": f"{year:04d}-{mon:02d}-{day:02d} {hour:02d}:{minute:02d}",
            "poster": str(params["username"]), "dupsig": dupsig,
        },
    )  # fmt: skip
    return {"itemid": itemid, "anum": anum, "url": entry_url(request, post)}


def _entry(journal, params) -> SandboxPost:
    try:
        itemid = int(params.get("itemid"))
    except (TypeError, ValueError):
        raise LJFault(200, "itemid") from None
    post = journal.posts.filter(remote_id=itemid, deleted=False).first()
    if post is None:
        raise LJFault(302)
    return post


def editevent(request, params, accounts):
    journal = target_journal(params, accounts)
    post = _entry(journal, params)
    event = _event(params)
    if not event:  # LiveJournal's delete
        post.deleted = True
        post.save(update_fields=["deleted"])
        return {"itemid": post.remote_id, "anum": post.meta["anum"]}
    props = _props(params, post.meta.get("props"))
    props["revnum"] = int(props.get("revnum", 0)) + 1
    post.text = event
    post.meta = {
        **post.meta,
        "subject": str(params.get("subject") or "")[:CMAX_SUBJECT],
        "props": props,
        "tags": _tags(props),
        "dupsig": _dupsig(params, journal.external_id),
    }
    post.edited_at = timezone.now()
    post.save()
    return {"itemid": post.remote_id, "anum": post.meta["anum"],
            "url": entry_url(request, post)}  # fmt: skip


def _event_json(request, post: SandboxPost) -> dict:
    props = {k: v for k, v in post.meta.get("props", {}).items() if k != "taglist"}
    if post.meta.get("tags"):
        props["taglist"] = ", ".join(post.meta["tags"])
    out = {
        "itemid": post.remote_id, "anum": post.meta["anum"],
        "eventtime": post.meta.get("eventtime", ""), "url": entry_url(request, post),
        "event": post.text, "props": props,
    }  # fmt: skip
    if post.meta.get("subject"):
        out["subject"] = post.meta["subject"]
    return out


def getevents(request, params, accounts):
    journal = target_journal(params, accounts)
    posts = journal.posts.filter(deleted=False).order_by("-remote_id")
    kind = params.get("selecttype")
    if kind == "one" and str(params.get("itemid")) == "-1":
        posts = posts[:1]
    elif kind == "one":
        posts = posts.filter(remote_id=_number(params, "itemid", 0, 2**31))
    elif kind == "lastn":
        posts = posts[: min(int(params.get("howmany") or 20), 50)]
    else:
        raise LJFault(200, "Invalid selecttype.")
    return {"events": [_event_json(request, p) for p in posts]}


def login(request, params, accounts):
    username = str(params["username"]).strip().lower()
    own = next(a for a in accounts if a.external_id == username)
    return {
        "userid": own.pk,
        "fullname": own.name,
        "usejournals": [a.external_id for a in accounts if a.pk != own.pk],
    }


METHODS = {
    "postevent": postevent,
    "editevent": editevent,
    "getevents": getevents,
    "login": login,
}


def _xml(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")


def _fault(fault: LJFault) -> HttpResponse:
    return _xml(xmlrpc.client.dumps(xmlrpc.client.Fault(fault.code, fault.text())))


def _answer(value: dict) -> HttpResponse:
    return _xml(xmlrpc.client.dumps((value,), methodresponse=True, encoding="utf-8"))


@csrf_exempt
def xmlrpc_view(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        params, method = xmlrpc.client.loads(request.body)
    except Exception:
        return _xml(xmlrpc.client.dumps(xmlrpc.client.Fault(-32700, "parse error")))
    params = params[0] if params and isinstance(params[0], dict) else {}
    name = (method or "").removeprefix("LJ.XMLRPC.")
    username = str(params.get("username") or "").lower()
    account = SandboxAccount.objects.filter(
        network=LIVEJOURNAL, external_id=username
    ).first()
    latency, fault = take_fault(LIVEJOURNAL, account, name)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        return HttpResponse("Internal Server Error", status=500)
    if fault == "rate_limit":
        return _fault(LJFault(405))
    if fault == "auth":
        return _fault(LJFault(101))
    try:
        if name == "getchallenge":
            challenge, now, expires = challenges.issue()
            return _answer({"auth_scheme": "c0", "challenge": challenge,
                            "server_time": now, "expire_time": expires})  # fmt: skip
        handler = METHODS.get(name) if method.startswith("LJ.XMLRPC.") else None
        if handler is None:
            raise LJFault(201)
        return _answer(handler(request, params, authenticate(params)))
    except LJFault as failure:
        return _fault(failure)


# -- the journal as readers see it ---------------------------------------------------
def clean(markup: str) -> str:
    return bleach.clean(markup, tags=PAGE_TAGS, attributes=PAGE_ATTRS,
                        protocols=["http", "https", "mailto"], strip=True)  # fmt: skip


def cut_parts(event: str) -> tuple[str, str, str, str]:
    """(above, the cut's label, below, after) of an entry; no cut: all above."""
    match = CUT.search(event)
    if match is None:
        return event, "", "", ""
    label = unescape(match.group(1) or "") or _("Read more")
    return event[: match.start()], label, match.group(2), event[match.end() :]


def entry_view(post: SandboxPost, url: str, full: bool) -> dict:
    above, label, below, after = cut_parts(post.text)
    return {
        "post": post,
        "url": url,
        "subject": post.meta.get("subject", ""),
        "tags": post.meta.get("tags", []),
        "above": mark_safe(clean(above)),  # noqa: S308 - bleach-cleaned
        "label": label,
        "below": mark_safe(clean(below)) if full else "",  # noqa: S308 - cleaned
        "after": mark_safe(clean(after)),  # noqa: S308 - bleach-cleaned
    }


def journal_view(request, journal: str):
    account = get_object_or_404(
        SandboxAccount, network=LIVEJOURNAL, external_id=journal
    )
    posts = account.posts.filter(deleted=False).order_by("-remote_id")
    entries = [entry_view(p, entry_url(request, p), full=False) for p in posts]
    return render(request, "sandbox/livejournal_journal.html",
                  {"account": account, "entries": entries})  # fmt: skip


def entry_page(request, journal: str, ditemid: int):
    account = get_object_or_404(
        SandboxAccount, network=LIVEJOURNAL, external_id=journal
    )
    post = get_object_or_404(
        SandboxPost, account=account, deleted=False, meta__ditemid=ditemid
    )
    entry = entry_view(post, entry_url(request, post), full=True)
    return render(request, "sandbox/livejournal_journal.html",
                  {"account": account, "entries": [entry], "single": True})  # fmt: skip
