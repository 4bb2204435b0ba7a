"""The emulated LiveJournal on the wire: XML-RPC in and out, challenge-response
(single use, expiring), entries, LiveJournal's fault codes, the journal page."""

from __future__ import annotations

import hashlib
import xmlrpc.client

import pytest
import requests

from sandbox.models import SandboxAccount, SandboxPost
from sandbox.networks import livejournal as lj
from tests.sandbox.fixtures import livejournal_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
ENTRY = {
    "subject": "Тема",
    "event": '<p>Лид.</p><lj-cut text="Читать дальше"><p>Под катом.</p></lj-cut>'
    "<p>После.</p>",
    "lineendings": "unix",
    "year": 2026, "mon": 12, "day": 2, "hour": 10, "min": 5,
    "props": {"taglist": "соцзащита, Кузбасс", "opt_preformatted": 1},
}  # fmt: skip


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - LJ's scheme


class Wire:
    def __init__(self, url, username, password):
        self.url = f"{url}/sandbox/livejournal/interface/xmlrpc"
        self.username, self.password = username, password

    def raw(self, method, params=None):
        body = xmlrpc.client.dumps((params or {},), methodname=method, encoding="utf-8")
        response = requests.post(self.url, data=body.encode(), timeout=5,
                                 headers={"Content-Type": "text/xml"})  # fmt: skip
        return response

    def call(self, method, params=None):
        response = self.raw(f"LJ.XMLRPC.{method}", params)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/xml")
        (result,), _ = xmlrpc.client.loads(response.content)
        return result

    def challenge(self):
        return self.call("getchallenge")["challenge"]

    def auth(self, challenge=None, password=None):
        challenge = challenge or self.challenge()
        password = self.password if password is None else password
        return {
            "username": self.username,
            "auth_method": "challenge",
            "auth_challenge": challenge,
            "auth_response": md5(challenge + md5(password)),
            "ver": 1,
        }

    def authed(self, method, **params):
        return self.call(method, {**self.auth(), **params})


@pytest.fixture
def wire(sandbox, livejournal_account):  # noqa: F811
    extra = SandboxAccount.objects.get(network="livejournal").extra
    return Wire(sandbox.url, "vestnik_test", extra["password"])


def fault_of(call) -> tuple[int, str]:
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    return caught.value.faultCode, caught.value.faultString


def test_getchallenge_shape(wire):
    answer = wire.call("getchallenge")
    assert answer["auth_scheme"] == "c0"
    assert answer["challenge"].startswith("c0:")
    assert answer["expire_time"] - answer["server_time"] == 60


def test_postevent_stores_the_entry_and_answers_itemid_anum_url(wire):
    answer = wire.authed("postevent", **ENTRY)
    post = SandboxPost.objects.get()
    assert answer["itemid"] == post.remote_id
    assert answer["anum"] == post.meta["anum"]
    ditemid = answer["itemid"] * 256 + answer["anum"]
    assert answer["url"].endswith(f"/sandbox/livejournal/vestnik_test/{ditemid}.html")
    assert post.text == ENTRY["event"] and post.meta["subject"] == "Тема"
    assert post.meta["tags"] == ["соцзащита", "Кузбасс"]
    assert post.meta["eventtime"] == "2026-12-02 10:05"
    assert post.meta["props"]["opt_preformatted"] == 1

    (event,) = wire.authed("getevents", selecttype="one", itemid=answer["itemid"])[
        "events"
    ]
    assert event["event"] == ENTRY["event"] and event["subject"] == "Тема"
    assert event["props"]["taglist"] == "соцзащита, Кузбасс"


def test_a_challenge_is_single_use(wire):
    auth = wire.auth()
    wire.call("login", auth)
    assert fault_of(lambda: wire.call("login", auth)) == (101, "Invalid password")


def test_an_expired_challenge_is_105(wire, monkeypatch):
    monkeypatch.setattr(lj, "CHALLENGE_LIFETIME", -1)
    code, text = fault_of(lambda: wire.authed("login"))
    assert (code, text) == (105, "Challenge expired")


def test_wrong_password_unknown_user_and_clear_auth(wire):
    assert fault_of(lambda: wire.call("login", wire.auth(password="x")))[0] == 101
    params = {**wire.auth(), "username": "nobody"}
    assert fault_of(lambda: wire.call("login", params)) == (100, "Invalid username")
    clear = {"username": "vestnik_test", "password": wire.password}
    assert fault_of(lambda: wire.call("login", clear))[0] == 101


def test_edit_then_delete_with_an_empty_event(wire):
    itemid = wire.authed("postevent", **ENTRY)["itemid"]
    edited = wire.authed("editevent", itemid=itemid, subject="Новая тема",
                         event="<p>Новый текст.</p>", props={"taglist": "а"})  # fmt: skip
    assert edited["itemid"] == itemid and edited["url"]
    post = SandboxPost.objects.get()
    assert post.text == "<p>Новый текст.</p>" and post.meta["tags"] == ["а"]
    assert post.meta["props"]["revnum"] == 1 and post.edited_at is not None

    gone = wire.authed("editevent", itemid=itemid, event="")
    assert gone == {"itemid": itemid, "anum": post.meta["anum"]}
    post.refresh_from_db()
    assert post.deleted
    assert wire.authed("getevents", selecttype="one", itemid=itemid)["events"] == []
    # Editing what is gone: 302, as LiveJournal answers for an entry not in the journal.
    code, text = fault_of(lambda: wire.authed("editevent", itemid=itemid, event="x"))
    assert (code, text) == (302, "Client error: Can't edit post from requested journal")


def test_repeating_the_last_entry_returns_it(wire):
    first = wire.authed("postevent", **ENTRY)
    again = wire.authed("postevent", **ENTRY)
    assert first == again and SandboxPost.objects.count() == 1


@pytest.mark.parametrize(
    "change, code",
    [
        ({"event": " "}, 200),
        ({"mon": 13}, 203),
        ({"props": {"no_such_prop": "1"}}, 205),
        ({"props": {"opt_preformatted": "yes"}}, 204),
        ({"event": "я" * 33_000}, 409),
        ({"usejournal": "somebody_else"}, 206),
    ],
)
def test_postevent_faults_carry_livejournal_codes(wire, change, code):
    assert fault_of(lambda: wire.authed("postevent", **{**ENTRY, **change}))[0] == code
    assert SandboxPost.objects.count() == 0


def test_unknown_method_and_unreadable_body(wire):
    assert fault_of(lambda: wire.authed("nosuchmethod"))[0] == 201
    response = requests.post(wire.url, data=b"<not xml", timeout=5)
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(response.content)
    assert caught.value.faultCode == -32700
    assert requests.get(wire.url, timeout=5).status_code == 405


def test_a_community_takes_posts_from_its_poster_only(wire):
    SandboxAccount.objects.create(
        network="livejournal", external_id="vestnik_community", name="Сообщество",
        token="-", extra={"username": "vestnik_test"},
    )  # fmt: skip
    SandboxAccount.objects.create(
        network="livejournal", external_id="closed_club", name="Чужое", token="-",
        extra={"username": "someone"},
    )  # fmt: skip
    answer = wire.authed("postevent", usejournal="vestnik_community", **ENTRY)
    assert "/vestnik_community/" in answer["url"]
    assert wire.authed("login")["usejournals"] == ["vestnik_community"]
    code, _ = fault_of(
        lambda: wire.authed("postevent", usejournal="closed_club", **ENTRY)
    )
    assert code == 300


def test_injected_faults(wire, sandbox):  # noqa: F811
    sandbox.fault("livejournal", "auth")
    assert fault_of(lambda: wire.authed("login"))[0] == 101
    sandbox.fault("livejournal", "rate_limit", method="postevent")
    assert fault_of(lambda: wire.authed("postevent", **ENTRY))[0] == 405
    sandbox.fault("livejournal", "http500")
    assert wire.raw("LJ.XMLRPC.getchallenge").status_code == 500


def test_the_journal_shows_the_cut_as_a_link_and_the_entry_page_all(wire):
    answer = wire.authed("postevent", **ENTRY)
    journal = requests.get(
        wire.url.replace("interface/xmlrpc", "vestnik_test/"), timeout=5
    ).text
    assert "Тема" in journal and "<p>Лид.</p>" in journal
    assert f'( <a href="{answer["url"]}#cutid1">Читать дальше</a> )' in journal
    assert "Под катом." not in journal
    assert "<p>После.</p>" in journal and "соцзащита, Кузбасс" in journal
    entry = requests.get(answer["url"], timeout=5).text
    assert '<a name="cutid1"></a><p>Под катом.</p>' in entry
    assert "Читать дальше" not in entry


def test_the_journal_page_cleans_what_it_shows(wire):
    evil = {**ENTRY, "event": "<p>x</p><script>alert(1)</script>"}
    answer = wire.authed("postevent", **evil)
    page = requests.get(answer["url"], timeout=5).text
    assert "<script>alert" not in page
