"""The LiveJournal client against a fake session: the XML-RPC it sends (challenge
auth, never the password), what it reads back, and each fault code's error class."""

from __future__ import annotations

import hashlib
import xmlrpc.client
from types import SimpleNamespace

import pytest
import requests

from syndication.api import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
    Unsupported,
)
from syndication.api.livejournal import LiveJournalClient, auth_response
from syndication.networks import get_network
from tests.syndication import samples

pytestmark = pytest.mark.django_db
PASSWORD = "секрет-пароль"
REAL_URL = "https://www.livejournal.com/interface/xmlrpc"


class FakeResponse:
    def __init__(self, status=200, content=b""):
        self.status_code = status
        self.content = content
        self.text = content.decode("utf-8", "replace")
        self.headers = {}


def answer(value) -> FakeResponse:
    return FakeResponse(
        200, xmlrpc.client.dumps((value,), methodresponse=True).encode()
    )


def fault(code, message="Invalid password") -> FakeResponse:
    return FakeResponse(
        200, xmlrpc.client.dumps(xmlrpc.client.Fault(code, message)).encode()
    )


class FakeSession:
    """Answers getchallenge with numbered challenges and the rest from ``replies``
    (a method name → response or callable(params) → response)."""

    def __init__(self, **replies):
        self.replies = replies
        self.calls = []  # (url, method, params, headers)
        self.challenges = 0

    def request(self, method, url, *, data=None, headers=None, timeout=None):
        assert method == "POST" and timeout
        (params,), name = xmlrpc.client.loads(data)
        name = name.removeprefix("LJ.XMLRPC.")
        self.calls.append((url, name, params, headers))
        if name == "getchallenge":
            self.challenges += 1
            return answer({"auth_scheme": "c0", "challenge": f"c0:{self.challenges}:x",
                           "server_time": 1, "expire_time": 61})  # fmt: skip
        reply = self.replies[name]
        if isinstance(reply, BaseException):
            raise reply
        return reply(params) if callable(reply) else reply

    def authed(self):
        return [c for c in self.calls if c[1] != "getchallenge"]


def client(session, journal="vestnik", **credential) -> LiveJournalClient:
    account = SimpleNamespace(network="livejournal", external_id=journal)
    credential = {"username": "vestnik", "password": PASSWORD, **credential}
    return LiveJournalClient(account, credential=credential, session=session)


def lj_post():
    return get_network("livejournal").render(samples.every_block_piece())


@pytest.fixture(autouse=True)
def fast(settings):
    settings.LIVEJOURNAL_RATE = (1000, 1.0)
    settings.RATE_LIMIT_REDIS_URL = ""


def test_auth_response_is_md5_of_challenge_and_md5_of_password():
    inner = hashlib.md5(b"pass").hexdigest()  # noqa: S324 - the protocol's scheme
    expected = hashlib.md5(f"c0:1:x{inner}".encode()).hexdigest()  # noqa: S324
    assert auth_response("c0:1:x", "pass") == expected
    # The Perl sample of the LJ docs: md5_hex($chal . md5_hex($pass)).
    assert len(expected) == 32


def test_publish_sends_postevent_with_a_fresh_challenge_and_no_password():
    session = FakeSession(postevent=answer(
        {"itemid": 7, "anum": 42, "url": "https://vestnik.livejournal.com/1834.html"}
    ))  # fmt: skip
    post = lj_post()
    ref = client(session).publish(post, idempotency_key="d-1")
    assert [c[1] for c in session.calls] == ["getchallenge", "postevent"]
    url, _, params, headers = session.calls[1]
    assert url == REAL_URL and headers["Content-Type"].startswith("text/xml")
    assert params["username"] == "vestnik"
    assert params["auth_method"] == "challenge"
    assert params["auth_challenge"] == "c0:1:x"
    assert params["auth_response"] == auth_response("c0:1:x", PASSWORD)
    assert PASSWORD not in repr(session.calls)
    assert "password" not in params and "hpassword" not in params
    message = post.messages[0]
    assert (
        params["event"] == message.text
        and params["subject"] == message.options["subject"]
    )
    assert params["props"] == {
        "opt_preformatted": 1,
        "taglist": message.options["taglist"],
    }
    assert params["lineendings"] == "unix" and params["security"] == "public"
    assert params["ver"] == 1 and "usejournal" not in params
    assert {"year", "mon", "day", "hour", "min"} <= set(params)
    assert ref.ids == ["7"]
    assert ref.url == "https://vestnik.livejournal.com/1834.html"
    assert ref.extra == {"itemid": 7, "anum": 42, "journal": "vestnik"}


def test_each_call_takes_its_own_challenge():
    session = FakeSession(login=answer({"fullname": "Вестник", "usejournals": []}))
    lj = client(session)
    lj.check_token()
    lj.check_token()
    challenges = [c[2]["auth_challenge"] for c in session.authed()]
    assert challenges == ["c0:1:x", "c0:2:x"]


def test_a_community_is_posted_to_with_usejournal():
    session = FakeSession(postevent=answer({"itemid": 1, "anum": 0, "url": "u"}))
    client(session, journal="vestnik_community").publish(lj_post())
    assert session.authed()[0][2]["usejournal"] == "vestnik_community"


def test_site_url_of_the_credential_or_the_setting(settings):
    session = FakeSession(login=answer({"fullname": "", "usejournals": []}))
    client(session, site_url="https://lj.example.org/interface/xmlrpc").check_token()
    assert {c[0] for c in session.calls} == {"https://lj.example.org/interface/xmlrpc"}
    settings.LIVEJOURNAL_API_URL = "http://sandbox.test/interface/xmlrpc"
    session = FakeSession(login=answer({"fullname": "", "usejournals": []}))
    client(session).check_token()
    assert {c[0] for c in session.calls} == {"http://sandbox.test/interface/xmlrpc"}


def test_edit_replaces_the_entry_and_delete_sends_an_empty_event():
    session = FakeSession(editevent=lambda p: answer(
        {"itemid": p["itemid"], "anum": 42, "url": "https://vestnik.livejournal.com/1834.html"}
    ))  # fmt: skip
    lj = client(session)
    ref = {"ids": ["7"], "url": "old", "extra": {"itemid": 7, "anum": 42}}
    new = lj.edit(ref, lj_post())
    params = session.authed()[0][2]
    assert params["itemid"] == 7 and params["event"].startswith("<p>")
    assert "year" not in params  # the entry keeps its time
    assert new.ids == ["7"] and new.url.endswith("/1834.html")
    lj.delete(ref)
    params = session.authed()[1][2]
    assert params["itemid"] == 7 and params["event"] == ""


def test_deleting_an_entry_already_gone_is_done_but_a_refusal_is_not():
    session = FakeSession(
        editevent=fault(302, "Client error: Can't edit post from requested journal"),
        getevents=answer({"events": []}),
    )
    client(session).delete({"ids": ["7"], "extra": {"itemid": 7}})
    assert [c[1] for c in session.authed()] == ["editevent", "getevents"]
    assert session.authed()[1][2]["selecttype"] == "one"
    # The entry is still there: the 302 is a real refusal.
    session.replies["getevents"] = answer({"events": [{"itemid": 7, "event": "x"}]})
    with pytest.raises(PermanentError) as caught:
        client(session).delete({"ids": ["7"], "extra": {"itemid": 7}})
    assert caught.value.code == 302


def test_check_token_says_whether_the_user_may_post_to_the_journal():
    session = FakeSession(login=answer({"fullname": "Пресс-служба",
                                        "usejournals": ["other"]}))  # fmt: skip
    info = client(session, journal="vestnik_community").check_token()
    assert info["ok"] is False and info["usejournals"] == ["other"]
    assert client(session).check_token()["ok"] is True
    assert client(session).check_token()["name"] == "Пресс-служба"


@pytest.mark.parametrize(
    "code, error",
    [
        (100, AuthError),  # Invalid username
        (101, AuthError),  # Invalid password
        ("101", AuthError),  # a fault code sent as a string
        (305, AuthError),  # account suspended
        (105, TransientError),  # challenge expired: a new one will do
        (200, PermanentError),  # missing argument
        (203, PermanentError),  # invalid argument
        (302, PermanentError),  # can't edit that entry
        (409, PermanentError),  # post too large
        (405, RateLimited),  # post frequency limit
        (402, RateLimited),  # IP banned for failed logins, for a while
        (306, TransientError),  # read-only, try again in a couple of minutes
        (500, OutcomeUnknown),  # internal server error: the entry may be stored
        (502, TransientError),  # database temporarily unavailable
        (504, PermanentError),  # protocol mode no longer supported
    ],
)
def test_fault_codes_map_to_errors(code, error):
    session = FakeSession(postevent=fault(code, "Fault text"))
    with pytest.raises(error) as caught:
        client(session).publish(lj_post())
    assert caught.value.code == int(str(code))
    assert "Fault text" in str(caught.value)
    if error is not RateLimited:
        assert type(caught.value) is error
    assert PASSWORD not in repr(caught.value.payload)
    assert "auth_response" not in caught.value.payload


@pytest.mark.parametrize(
    "response, error",
    [
        (FakeResponse(503, b"down"), OutcomeUnknown),  # may have stored it
        (FakeResponse(429, b"slow"), RateLimited),
        (FakeResponse(403, b"no"), PermanentError),
        (FakeResponse(200, b"<html>not xml-rpc"), OutcomeUnknown),
    ],
)
def test_http_answers_map_to_errors(response, error):
    with pytest.raises(error):
        client(FakeSession(postevent=response)).publish(lj_post())


def test_an_unreadable_answer_to_an_edit_is_only_transient():
    session = FakeSession(editevent=FakeResponse(200, b"garbage"))
    with pytest.raises(TransientError) as caught:
        client(session).edit({"ids": ["7"], "extra": {"itemid": 7}}, lj_post())
    assert not isinstance(caught.value, OutcomeUnknown)


def test_a_read_timeout_on_postevent_is_an_unknown_outcome_safe_to_resend():
    session = FakeSession(postevent=requests.ReadTimeout("read timed out"))
    with pytest.raises(OutcomeUnknown) as caught:
        client(session).publish(lj_post(), idempotency_key="d-9")
    assert caught.value.dedup_key == "d-9"


def test_a_connect_error_is_transient():
    session = FakeSession(postevent=requests.ConnectionError("Connection refused"))
    with pytest.raises(TransientError):
        client(session).publish(lj_post())


def test_comment_moderation_is_unsupported():
    lj = client(FakeSession())
    for call in (
        lambda: lj.fetch_comments("7"),
        lambda: lj.delete_comment("7", "1"),
        lambda: lj.reply("7", "1", "Спасибо"),
        lambda: lj.ban("42"),
    ):
        with pytest.raises(Unsupported):
            call()


def test_a_post_of_several_messages_is_refused():
    post = lj_post()
    post.messages.append(post.messages[0])
    with pytest.raises(PermanentError, match="one entry"):
        client(FakeSession()).publish(post)


def test_the_rate_limiter_is_asked_before_every_call(monkeypatch):
    keys = []
    monkeypatch.setattr(
        LiveJournalClient, "limit", lambda self, key, rate: keys.append((key, rate))
    )
    session = FakeSession(login=answer({"fullname": "", "usejournals": []}))
    client(session).check_token()
    assert len(keys) == 2 and {rate for _, rate in keys} == {"LIVEJOURNAL_RATE"}
    assert PASSWORD not in keys[0][0] and "vestnik" not in keys[0][0]


def test_an_edit_without_tags_clears_the_entrys_tags():
    # editevent changes only the props it is given: a piece whose tags were all
    # removed must send an empty taglist, or the entry keeps its old tags.
    session = FakeSession(editevent=lambda p: answer({"itemid": 7, "anum": 42}))
    post = get_network("livejournal").render(
        samples.base_piece([samples.paragraph(1, 1)], tags=(), hashtags=())
    )
    assert not post.messages[0].options["taglist"]
    client(session).edit({"ids": ["7"], "extra": {"itemid": 7}}, post)
    assert session.authed()[0][2]["props"]["taglist"] == ""
