"""The registry of networks is the only place a network code or capability is written
down (issue 16.1): every spec's roles import and match, every claimed capability is
implemented by the network's client and nothing unclaimed is, and no other module
keeps a list of codes or branches on a network's name."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import NoReverseMatch, reverse

from accounts_registry.credentials import SHAPES
from accounts_registry.networks import RESTRICTED_NETWORKS, Network
from syndication import conf
from syndication.api import Client, get_client
from syndication.exceptions import Unsupported
from syndication.networks import get_network, rendering_codes
from syndication.networks.registry import (
    Action,
    NetworkSpec,
    Polling,
    all_specs,
    codes,
    get_spec,
    register,
)

ROOT = Path(__file__).resolve().parents[2]
SPECS = list(all_specs())
CODES = set(codes())

# The client method behind each moderation action.
ACTION_METHODS = {
    Action.REPLY: "reply",
    Action.HIDE: "hide_comment",
    Action.UNHIDE: "unhide_comment",
    Action.DELETE: "delete_comment",
    Action.BAN: "ban",
    Action.UNBAN: "unban",
    Action.EDIT: "edit_comment",
}
ACTION_ARGS = {
    "reply": ("1", "2", "text"),
    "hide_comment": ("1", "2"),
    "unhide_comment": ("1", "2"),
    "delete_comment": ("1", "2"),
    "ban": ("1",),
    "unban": ("1",),
    "edit_comment": ("1", "2", "text"),
}


def test_the_ten_networks_of_the_order_are_registered_once():
    assert list(codes()) == [
        "vk", "ok", "telegram", "max", "facebook", "instagram", "wordpress",
        "livejournal", "telegraph", "dzen",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        register(NetworkSpec(code="vk", name="VK"))
    with pytest.raises(LookupError):
        get_spec("myspace")


def test_names_are_russian_and_models_read_them():
    assert [str(spec.name) for spec in SPECS][:3] == [
        "ВКонтакте",
        "Одноклассники",
        "Telegram",
    ]
    assert str(Network("dzen").label) == "Дзен"
    assert Network.VK == "vk" and [c for c, _ in Network.choices] == list(codes())
    assert set(RESTRICTED_NETWORKS) == {"facebook", "instagram"}


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_each_role_path_imports_and_names_its_network(spec):
    if spec.render:
        assert spec.load("render").code == spec.code
        assert get_network(spec.code).code == spec.code
    if spec.client:
        assert spec.load("client").network == spec.code
    if spec.webhook:
        assert spec.load("webhook").network == spec.code
        path = reverse(
            f"moderation_hooks:{spec.code}",
            kwargs={"account_slug": "a", **_route_values(spec)},
        )
        assert path.startswith(f"/hooks/{spec.code}/a/")
    else:
        with pytest.raises(NoReverseMatch):
            reverse(f"moderation_hooks:{spec.code}", kwargs={"account_slug": "a"})
    if spec.oauth:
        assert spec.load("oauth").network == spec.code
    for role in ("render", "client", "webhook", "oauth"):
        if getattr(spec, role):
            module = getattr(spec, role).rsplit(".", 1)[0]
            # One module per network per role, named after the network (the OAuth
            # providers share one module, as allauth's per-protocol base does).
            assert role == "oauth" or module.endswith(f".{spec.code}")


def _route_values(spec) -> dict:
    view = spec.load("webhook")
    return view.route_kwargs(SimpleNamespace(secret="s3cret"))


def test_every_rendering_network_lets_the_editor_write_an_own_text():
    assert set(rendering_codes()) == CODES - {"dzen"}
    assert all(get_spec(code).own_text for code in rendering_codes())
    assert not get_spec("dzen").own_text


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.code)
def test_the_credential_shape_is_complete(spec):
    names = [f.name for f in spec.credential]
    assert len(names) == len(set(names))
    required, optional = SHAPES[spec.code]
    assert set(required) | set(optional) == set(names)
    for field in spec.credential:
        assert str(field.label) and str(field.help_text), field.name
        assert field.kind in {"text", "url", "datetime", "choice"}
        assert bool(field.choices) == (field.kind == "choice")
        if field.name.endswith(("token", "password")) or "secret" in field.name:
            assert field.secret, field.name
    assert str(spec.external_id_help)
    for name in spec.api_url_settings:
        assert name in conf.DEFAULTS


def _fake_account(spec):
    credential = {f.name: f"x{i}" for i, f in enumerate(spec.credential)}
    for field in spec.credential:
        if field.choices:
            credential[field.name] = field.choices[0][0]
        if field.kind == "url":
            credential[field.name] = "https://blog.example.ru"
        if field.kind == "datetime":
            credential.pop(field.name)
    return SimpleNamespace(
        network=spec.code,
        external_id="-1001",
        slug="acc",
        pk=1,
        name="acc",
        get_credential=lambda: credential,
    )


class NoNetwork:
    """A session that fails the test if anything is sent."""

    headers: dict = {}

    def request(self, *args, **kwargs):
        raise AssertionError("an unsupported operation reached the network")

    def __getattr__(self, name):
        if name in {"get", "post", "put", "delete", "send"}:
            return self.request
        raise AttributeError(name)


def _overrides(cls, method: str) -> bool:
    return getattr(cls, method, None) is not getattr(Client, method, None)


@pytest.mark.parametrize("spec", [s for s in SPECS if s.client], ids=lambda s: s.code)
def test_claimed_capabilities_are_implemented_and_the_rest_refused(spec, settings):
    settings.INSTAGRAM_MEDIA_DELETE = ""
    cls = spec.load("client")
    client = get_client(_fake_account(spec), session=NoNetwork())
    for action, method in ACTION_METHODS.items():
        if spec.supports(action):
            assert _overrides(cls, method), f"{spec.code} claims {action}"
        else:
            func = getattr(client, method, None)
            if func is None:
                continue  # not even named: nothing to call
            with pytest.raises(Unsupported):
                func(*ACTION_ARGS[method])
    assert _overrides(cls, "fetch_comments") == spec.comments_polled
    for can, method, args in (
        (spec.can_edit_posts, "edit", ({"ids": ["1"]}, None)),
        (spec.can_delete_posts, "delete", ({"ids": ["1"]},)),
    ):
        if can:
            assert _overrides(cls, method), f"{spec.code} claims {method}"
        else:
            with pytest.raises(Unsupported):
                getattr(client, method)(*args)


def test_capabilities_the_readme_states():
    hide = {s.code for s in SPECS if s.supports(Action.HIDE)}
    ban = {s.code for s in SPECS if s.supports(Action.BAN)}
    assert hide == {"facebook", "instagram", "wordpress"}
    assert ban == {"vk", "telegram", "facebook"}
    assert not get_spec("telegram").supports(Action.HIDE)
    assert {s.code for s in SPECS if s.idempotent_publish} == {"vk"}
    assert get_spec("telegram").polling == Polling.ACCOUNT
    assert {s.code for s in SPECS if s.comments_pushed} == {
        "vk", "ok", "telegram", "max", "facebook", "instagram",
    }  # fmt: skip


# -- the source scan: no hand-kept list of codes, no branch on a network's name -----------
APPS = ("cms", "accounts_registry", "syndication", "moderation", "voice", "results")
# Migrations freeze history; the sandbox is the dev/test emulator of each network
# (its modules are per-network roles of their own, convention 1).
SKIP_PARTS = {"migrations", "sandbox", "locale"}


def _skipped(relative: Path) -> bool:
    return bool(SKIP_PARTS & set(relative.parts)) or relative.stem.startswith("sandbox")


def _role_module(path: Path) -> bool:
    """A network's own module in a role folder (its code is its name)."""
    return path.stem in CODES or path.parent.name in CODES


def _python_sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if _skipped(relative) or _role_module(path):
                continue
            if relative.as_posix() == "syndication/networks/registry.py":
                continue
            yield relative, path.read_text(encoding="utf-8")


def _code_literal(node) -> str | None:
    if isinstance(node, ast.Constant) and node.value in CODES:
        return node.value
    return None


def _mentions_network(source: str) -> bool:
    return bool(re.search(r"network|code|\bnet\b", source, re.I))


def code_literal_findings(relative, source) -> list[str]:
    findings = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        line = f"{relative}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            literals = [s for s in sides if _code_literal(s)]
            literals += [
                e
                for s in sides
                if isinstance(s, ast.Tuple | ast.List | ast.Set)
                for e in s.elts
                if _code_literal(e)
            ]
            others = [ast.get_source_segment(source, s) or "" for s in sides]
            if literals and any(_mentions_network(o) for o in others):
                findings.append(f"{line}: compares with a network code")
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            found = {_code_literal(e) for e in node.elts} - {None}
            if len(found) >= 2:
                findings.append(f"{line}: a list of network codes {sorted(found)}")
        elif isinstance(node, ast.Dict):
            found = {_code_literal(k) for k in node.keys if k is not None} - {None}
            if len(found) >= 2:
                findings.append(f"{line}: a dict keyed by network codes")
        elif isinstance(node, ast.keyword) and node.arg in {"network", "code"}:
            if _code_literal(node.value):
                findings.append(f"{line}: network={node.value.value!r}")
        elif isinstance(node, ast.Subscript) and _code_literal(node.slice):
            findings.append(f"{line}: looks a network code up")
    return sorted(findings, key=lambda f: int(f.split(":")[1]))


CODE_ALTERNATIVES = "|".join(sorted(CODES))
TEMPLATE_BRANCH = re.compile(
    rf"""(?:network|code)\s*(?:==|!=)\s*["']({CODE_ALTERNATIVES})["']"""
)


@pytest.mark.same_in_every_pass
def test_no_module_outside_the_registry_keeps_network_codes():
    findings = []
    for relative, source in _python_sources():
        findings += code_literal_findings(relative, source)
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            relative = path.relative_to(ROOT)
            if path.suffix in {".html", ".js", ".txt"} and not _skipped(relative):
                text = path.read_text(encoding="utf-8", errors="replace")
                for match in TEMPLATE_BRANCH.finditer(text):
                    findings.append(f"{relative}: {match.group(0)}")
    assert findings == []


def test_the_scan_finds_what_it_forbids():
    """The scan itself can fail: each forbidden shape is reported."""
    source = inspect.cleandoc(
        """
        LIST = ("vk", "ok")
        KEYS = {"telegram": 1, "max": 2}
        if account.network == "max":
            pass
        if spec.code in ("vk",):
            pass
        get(network="vk")
        PATHS["wordpress"]
        status = {"ok": True}
        if answer == "ok":
            pass
        """
    )
    findings = code_literal_findings(Path("x.py"), source)
    assert [f.split(": ", 1)[1] for f in findings] == [
        "a list of network codes ['ok', 'vk']",
        "a dict keyed by network codes",
        "compares with a network code",
        "compares with a network code",
        "network='vk'",
        "looks a network code up",
    ]
    assert TEMPLATE_BRANCH.search('{% if preview.network.code == "max" %}')
