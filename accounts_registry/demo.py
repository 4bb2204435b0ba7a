"""Register entries for the demo, so the keeper's dashboard has something to act on:
a report due in two days, an overdue one, a planned channel and a blocked network.
The sandbox accounts stand for the body's working accounts: in service for a year,
their creation reported long ago."""

from __future__ import annotations

import datetime as dt

from .models import Account
from .networks import Network
from .obligations import ReportObligation, local_today
from .requisites import LetterRequisites

IN_SERVICE_FOR_DAYS = 400
REPORTED_AFTER_DAYS = 3

DEMO_REGISTER = [
    # network, external id, name, url, kind, status, days since the event
    (
        Network.DZEN,
        "https://dzen.ru/minsoc42",
        "Минсоцзащиты Кузбасса — Дзен",
        "https://dzen.ru/minsoc42",
        Account.Kind.BLOG,
        Account.Status.ACTIVE,
        8,
    ),
    (
        Network.LIVEJOURNAL,
        "minsoc42",
        "Блог министерства в ЖЖ",
        "https://minsoc42.livejournal.com",
        Account.Kind.BLOG,
        Account.Status.DELETED,
        12,
    ),
    (
        Network.MAX,
        "minsoc42",
        "Минсоцзащиты Кузбасса — MAX",
        "",
        Account.Kind.CHANNEL,
        Account.Status.PLANNED,
        0,
    ),
    (
        Network.FACEBOOK,
        "100064000000042",
        "Минсоцзащиты Кузбасса — Facebook (заблокирован)",
        "https://www.facebook.com/minsoc42",
        Account.Kind.COMMUNITY,
        Account.Status.SUSPENDED,
        0,
    ),
]


# The demo ministry's letterhead, addressee, signatory and executor (invented people and
# numbers), so the demo letter is ready to sign; a keeper's own edits are kept.
DEMO_REQUISITES = {
    "organisation": "Министерство социальной защиты населения Кузбасса",
    "organisation_details": (
        "пр-т Кузнецкий, д. 19а, г. Кемерово, 650000\n"
        "тел. 8 (3842) 00-00-00, e-mail: info@minsoc42.example\n"
        "ОКПО 00000000, ОГРН 1000000000000, ИНН/КПП 4200000000/420000000"
    ),
    "addressee": (
        "Начальнику главного управления по работе со средствами массовой "
        "информации Администрации Правительства Кузбасса\nИ.И. Иванову"
    ),
    "signatory_position": "Министр",
    "signatory_name": "П.П. Петров",
    "executor_name": "Реестров Игорь Сергеевич",
    "executor_phone": "8 (3842) 00-00-01",
}


def ensure_letter_requisites() -> None:
    record = LetterRequisites.load()
    if record.organisation:
        return
    for name, value in DEMO_REQUISITES.items():
        setattr(record, name, value)
    record.save()


def ensure_demo_register() -> list[Account]:
    ensure_letter_requisites()
    today = local_today()
    accounts = []
    for network, external_id, name, url, kind, status, days_ago in DEMO_REGISTER:
        account = Account.objects.filter(
            network=network, external_id=external_id
        ).first()
        if account is None:
            event_day = today - dt.timedelta(days=days_ago)
            account = Account(
                network=network,
                external_id=external_id,
                name=name,
                url=url,
                kind=kind,
                status=status,
                responsible="Игорь Реестров",
                purpose="Новости министерства и ответы на вопросы жителей",
                created_on=event_day if status != Account.Status.DELETED else None,
                deleted_on=event_day if status == Account.Status.DELETED else None,
            )
            if status == Account.Status.DELETED:
                account.created_on = event_day - dt.timedelta(days=700)
            account.save()
        accounts.append(account)
    return accounts


def put_in_service(accounts) -> None:
    """Mark the sandbox accounts active (a planned account gets no posts) with their
    creation reported, so the dashboard shows only the demo's own cases. Idempotent:
    an account a keeper has changed since is left as it is."""
    created_on = local_today() - dt.timedelta(days=IN_SERVICE_FOR_DAYS)
    for account in accounts:
        if account.status != Account.Status.PLANNED:
            continue
        account.status = Account.Status.ACTIVE
        account.created_on = created_on
        account.responsible = account.responsible or "Игорь Реестров"
        account.save()
        ReportObligation.objects.filter(account=account, reported_on=None).update(
            reported_on=created_on + dt.timedelta(days=REPORTED_AFTER_DAYS),
            outgoing_number=f"01-14/{account.pk}",
        )
