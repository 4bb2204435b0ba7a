"""Every message of the registry has a compiled Russian translation (no fuzzy, no gaps)."""

import gettext
import re
from pathlib import Path

import accounts_registry

LOCALE = Path(accounts_registry.__file__).parent / "locale" / "ru" / "LC_MESSAGES"


def po_msgids() -> list[str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    ids = []
    for block in text.split("\n\n"):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if match:
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))
            ids.append(
                "".join(parts)
                .encode()
                .decode("unicode_escape")
                .encode("latin-1")
                .decode()
            )
    return [i for i in ids if i]


def test_every_msgid_is_compiled_in_russian():
    with (LOCALE / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    ids = po_msgids()
    assert len(ids) > 200
    # Names such as "Telegram" translate to themselves: check presence, not change.
    # A plural entry is compiled under (msgid, form) for each of Russian's forms.
    missing = [
        i for i in ids if i not in catalog._catalog and (i, 0) not in catalog._catalog
    ]
    assert missing == []


def test_every_plural_has_all_russian_forms():
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    forms = int(re.search(r"nplurals=(\d+)", text).group(1))
    assert forms >= 3
    for block in text.split("\n\n"):
        if "msgid_plural" not in block or block.lstrip().startswith("#~"):
            continue
        found = re.findall(r'^msgstr\[(\d)\] "(.+)"$', block, re.M)
        assert [int(n) for n, _text in found] == list(range(forms)), block
