"""Telegraph API client (docs/networks.md §6.B): ``<TELEGRAPH_API_URL>/<method>[/<path>]``,
form POSTs with ``access_token``; answers ``{"ok": true, "result"}`` or
``{"ok": false, "error": "CODE"}`` with HTTP 200.

A piece is one page: ``createPage`` publishes, ``editPage/<path>`` replaces it in full
(the path, and so the URL, stays). Telegraph has no delete method and no comments.
The credential is ``{"access_token"[, "short_name"]}``: the account is created once
outside (createAccount), so the client never calls it."""

from __future__ import annotations

import json
import re

from syndication import conf
from syndication.exceptions import Unsupported
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
)

FLOOD_WAIT = re.compile(r"^FLOOD_WAIT_(\d+)$")
AUTH_ERRORS = {"ACCESS_TOKEN_INVALID"}  # UNVERIFIED string, see NOTES.md


def parse(response, *, network="telegraph", payload=None, idempotent=False):
    """The ``result`` value, or the matching error."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    if status == 429:
        wait = retry_after_header(response, 1.0)
        raise RateLimited(answer_of(response), retry_after=wait, **context)
    if status >= 500:
        # createPage may have made a page before the error; a second one is harmless:
        # a Telegraph page is seen only through the post that links to it (unlike a
        # post in a channel), so this stays a retry (issue 11.1 concerns posts).
        raise TransientError(answer_of(response), **context)
    if status != 200:
        raise PermanentError(answer_of(response), **context)
    try:
        body = response.json()
    except ValueError:
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls("unreadable answer", **context) from None
    if body.get("ok"):
        return body.get("result")
    error = str(body.get("error", ""))
    context["response"] = body
    flood = FLOOD_WAIT.match(error)
    if flood:
        wait = float(flood.group(1))
        raise RateLimited(error, code=error, retry_after=wait, **context)
    if error in AUTH_ERRORS:
        raise AuthError(error, code=error, **context)
    raise PermanentError(error or "error", code=error, **context)


class TelegraphClient(Client):
    network = "telegraph"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("access_token", "")

    def call(self, method: str, path: str = "", *, idempotent=False, **params):
        self.limit(token_key("telegraph", self.token), "TELEGRAPH_RATE")
        data = {k: v for k, v in params.items() if v is not None}
        payload = {"method": method, "path": path, **data}
        url = f"{conf.api_url('telegraph').rstrip('/')}/{method}"
        if path:
            url += f"/{path}"
        response = http.send(
            self.session, "POST", url, network=self.network, payload=payload,
            idempotent=idempotent, data={**data, "access_token": self.token},
        )  # fmt: skip
        return parse(response, payload=payload, idempotent=idempotent)

    @staticmethod
    def page_params(post) -> dict:
        if len(post.messages) != 1:
            raise PermanentError(
                f"a Telegraph post is one page, got {len(post.messages)} messages",
                network="telegraph",
            )
        message = post.messages[0]
        return {
            "title": message.options.get("title", ""),
            "author_name": message.options.get("author_name", ""),
            "author_url": message.options.get("author_url", ""),
            "content": message.text,  # Node JSON, as the render wrote it
            "return_content": "false",
        }

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        # createPage has no de-duplication: an unknown outcome is for a person.
        page = self.call("createPage", **self.page_params(post))
        return RemoteRef(
            ids=[page["path"]], url=page["url"], extra={"path": page["path"]}
        )

    def edit(self, ref, post) -> RemoteRef:
        ref = ref_of(ref)
        path = ref.extra.get("path") or ref.ids[0]
        # A full replace: resending the same page is harmless.
        page = self.call("editPage", path, idempotent=True, **self.page_params(post))
        return RemoteRef(
            ids=[page["path"]], url=page["url"], extra={"path": page["path"]}
        )

    def delete(self, ref) -> None:
        raise Unsupported(
            "delete: Telegraph has no delete method; edit the page instead",
            network=self.network,
        )

    def check_token(self) -> dict:
        fields = json.dumps(["short_name", "author_name", "author_url", "page_count"])
        info = self.call("getAccountInfo", idempotent=True, fields=fields)
        return {
            "ok": True,
            "name": info.get("short_name", ""),
            "author_name": info.get("author_name", ""),
            "page_count": info.get("page_count"),
        }

    def get_page(self, path: str) -> dict:
        return self.call("getPage", path, idempotent=True, return_content="true")
