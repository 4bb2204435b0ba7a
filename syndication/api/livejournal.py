"""LiveJournal client (docs/networks.md §6.C): XML-RPC ``LJ.XMLRPC.<method>`` POSTed to the
journal site's ``/interface/xmlrpc``, (de)serialised with the standard library's
``xmlrpc.client`` but sent through ``syndication.api.http`` (our session, timeouts,
rate limiter and error mapping), never through ``xmlrpc.client``'s own transport.

Every authenticated call is challenge–response: ``getchallenge`` first, then the call
with ``auth_method=challenge``, ``auth_challenge`` and ``auth_response =
md5_hex(challenge + md5_hex(password))``; the clear password never leaves us. A
challenge is single-use and expires (60 s), so each call gets a fresh one.

* publish = ``postevent`` (entry time in the site's time zone, ``lineendings=unix``,
  ``props``: ``taglist``, ``opt_preformatted=1`` since the event is HTML),
* edit = ``editevent`` with the ``itemid`` and the new subject/event/props,
* delete = ``editevent`` with an empty ``event`` (that is LiveJournal's delete),
* check_token = ``login`` (a cheap authenticated call returning the journals the
  user may post to).

Comments: the documented protocol has no comment methods; ``getcomments`` /
``deletecomments`` are used by third-party clients but are not in a reference we
could read, so comment moderation stays ``Unsupported`` (NOTES.md).

The credential is ``{"username", "password"[, "site_url"]}``; the endpoint is
``site_url`` when set, else ``LIVEJOURNAL_API_URL`` (setting or environment; default
``https://www.livejournal.com/interface/xmlrpc``). The account's ``external_id`` is
the journal: a community is posted to with ``usejournal``.
"""

from __future__ import annotations

import hashlib
import xmlrpc.client
from xml.parsers.expat import ExpatError

from django.utils import timezone

from syndication import conf
from syndication.ratelimit import token_key

from . import http
from .base import Client, RemoteRef, ref_of
from .errors import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
    answer_of,
    retry_after_header,
    server_error,
)

METHOD_PREFIX = "LJ.XMLRPC."
SECRET_FIELDS = frozenset({"password", "hpassword", "auth_response"})

# Fault codes (LJ::Protocol %e in cgi-bin/ljprotocol.pl, see NOTES.md) by what the
# delivery should do. The server's own E_TEMP/E_PERM classes are followed except
# where a person has to act (AuthError) or waiting is what helps (RateLimited).
AUTH_CODES = {100, 101, 155, 156, 300, 305, 308, 309, 310}
RATE_CODES = {402: 600.0, 405: 60.0, 406: 60.0, 411: 60.0}
# 500 (internal error) and 501 (database error) may come after the entry was stored:
# not here, so a post is not repeated blindly (``server_error``); 502/503 (database
# unavailable, no lock) are refusals before any write.
TRANSIENT_CODES = {104, 105, 157, 306, 311, 407, 408, 502, 503, 505, 506}


def auth_response(challenge: str, password: str) -> str:
    """``md5_hex(challenge + md5_hex(password))`` (docs/networks.md §6.C.2)."""
    inner = hashlib.md5(password.encode(), usedforsecurity=False).hexdigest()
    return hashlib.md5((challenge + inner).encode(), usedforsecurity=False).hexdigest()


def fault_code(fault: xmlrpc.client.Fault) -> int | None:
    """LiveJournal's three-digit code (sent as an int, or as a string like "101")."""
    text = str(fault.faultCode).strip()[:3]
    return int(text) if text.isdigit() else None


def fault_error(fault: xmlrpc.client.Fault, context: dict, idempotent: bool = False):
    code = fault_code(fault)
    message = f"{fault.faultCode}: {fault.faultString}"
    context = {**context, "response": {"faultCode": fault.faultCode,
                                       "faultString": fault.faultString}}  # fmt: skip
    if code in AUTH_CODES:
        return AuthError(message, code=code, **context)
    if code in RATE_CODES:
        return RateLimited(message, code=code, retry_after=RATE_CODES[code], **context)
    if code in TRANSIENT_CODES:
        return TransientError(message, code=code, **context)
    if (
        code is not None and code >= 500 and code != 504
    ):  # server-side: it may have acted
        return server_error(message, idempotent=idempotent, code=code, **context)
    return PermanentError(message, code=code, **context)


def parse(response, *, network="livejournal", payload=None, idempotent=False):
    """The method's result (a dict), or the matching error."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    if status == 429:
        wait = retry_after_header(response, 60.0)
        raise RateLimited(answer_of(response), retry_after=wait, **context)
    if status >= 500:
        raise server_error(answer_of(response), idempotent=idempotent, **context)
    if status != 200:
        raise PermanentError(answer_of(response), **context)
    try:
        (result,), _method = xmlrpc.client.loads(response.content)
    except xmlrpc.client.Fault as fault:
        raise fault_error(fault, context, idempotent) from None
    except (ExpatError, xmlrpc.client.ResponseError, ValueError):
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls("unreadable XML-RPC answer", **context) from None
    if not isinstance(result, dict):
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls("unexpected XML-RPC answer", **context)
    return result


class LiveJournalClient(Client):
    network = "livejournal"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.username = self.credential.get("username", "")
        self.password = self.credential.get("password", "")
        self.url = self.credential.get("site_url") or conf.api_url("livejournal")
        self.journal = str(getattr(account, "external_id", "") or self.username)

    # -- plumbing ----------------------------------------------------------------
    def call(self, method: str, params: dict, *, idempotent=False) -> dict:
        """One XML-RPC call, rate limited per user and site."""
        self.limit(
            token_key("livejournal", f"{self.url}|{self.username}"), "LIVEJOURNAL_RATE"
        )
        body = xmlrpc.client.dumps(
            (params,), methodname=METHOD_PREFIX + method, encoding="utf-8"
        )
        payload = {"method": method, **{k: v for k, v in params.items()
                                        if k not in SECRET_FIELDS}}  # fmt: skip
        response = http.send(
            self.session, "POST", self.url, network=self.network, payload=payload,
            idempotent=idempotent, data=body.encode("utf-8"),
            headers={"Content-Type": "text/xml; charset=utf-8"},
        )  # fmt: skip
        return parse(response, payload=payload, idempotent=idempotent)

    def authed(self, method: str, *, idempotent=False, **params) -> dict:
        """``method`` with a fresh challenge and its response; never the password."""
        challenge = str(self.call("getchallenge", {}, idempotent=True)["challenge"])
        params.update(
            username=self.username,
            auth_method="challenge",
            auth_challenge=challenge,
            auth_response=auth_response(challenge, self.password),
            ver=1,  # UTF-8 text
        )
        if self.journal and self.journal != self.username:
            params["usejournal"] = self.journal
        return self.call(method, params, idempotent=idempotent)

    # -- entries -------------------------------------------------------------------
    @staticmethod
    def entry_fields(post) -> dict:
        if len(post.messages) != 1:
            raise PermanentError(
                f"a LiveJournal post is one entry, got {len(post.messages)} messages",
                network="livejournal",
            )
        message = post.messages[0]
        # HTML as sent: no <br> for newlines. The taglist always goes, empty too:
        # editevent changes only the props it is given, so an edit that removed
        # every tag would otherwise leave the old ones on the entry.
        props = {
            "opt_preformatted": 1,
            "taglist": message.options.get("taglist") or "",
        }
        return {
            "subject": message.options.get("subject", ""),
            "event": message.text,
            "lineendings": "unix",
            "props": props,
        }

    def ref(self, result: dict, fallback_itemid=None) -> RemoteRef:
        itemid = int(result.get("itemid", fallback_itemid or 0))
        anum = int(result.get("anum", 0) or 0)
        return RemoteRef(
            ids=[str(itemid)],
            url=str(result.get("url", "")),
            extra={"itemid": itemid, "anum": anum, "journal": self.journal},
        )

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        now = timezone.localtime()  # the entry's time is the journal's local time
        fields = self.entry_fields(post)
        try:
            result = self.authed(
                "postevent", security="public", year=now.year, mon=now.month,
                day=now.day, hour=now.hour, min=now.minute, **fields,
            )  # fmt: skip
        except OutcomeUnknown as exc:
            # LiveJournal answers a repeat of the same subject/event with the entry
            # already made (its "dupsig" check), so a resend is safe.
            exc.dedup_key = idempotency_key or "livejournal-dupsig"
            raise
        return self.ref(result)

    def edit(self, ref, post) -> RemoteRef:
        ref = ref_of(ref)
        itemid = int(ref.extra.get("itemid") or ref.ids[0])
        # A full replace of subject, event and props: resending is harmless.
        result = self.authed(
            "editevent", idempotent=True, itemid=itemid, **self.entry_fields(post)
        )
        new = self.ref(result, itemid)
        new.url = new.url or ref.url
        return new

    def delete(self, ref) -> None:
        ref = ref_of(ref)
        itemid = int(ref.extra.get("itemid") or ref.ids[0])
        # LiveJournal's delete: editevent with an empty event.
        try:
            self.authed(
                "editevent", idempotent=True, itemid=itemid, event="", subject=""
            )
        except PermanentError as exc:
            # 302 is also LiveJournal's answer for an entry that is no longer there
            # (a resent delete whose first answer was lost): gone is what we want.
            if exc.code != 302 or self.get_event(itemid) is not None:
                raise

    def check_token(self) -> dict:
        info = self.authed("login", idempotent=True)
        journals = [str(j) for j in info.get("usejournals") or []]
        can_post = self.journal == self.username or self.journal in journals
        return {
            "ok": can_post,
            "name": info.get("fullname", ""),
            "username": self.username,
            "journal": self.journal,
            "usejournals": journals,
        }

    def get_event(self, itemid: int) -> dict | None:
        """The entry as the journal keeps it (``getevents``, selecttype ``one``)."""
        result = self.authed(
            "getevents", idempotent=True, selecttype="one", itemid=itemid,
            lineendings="unix",
        )  # fmt: skip
        events = result.get("events") or []
        return events[0] if events else None
