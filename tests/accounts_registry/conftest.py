import pytest
from django.contrib.auth.models import Group

from accounts_registry.conf import KEEPER_GROUP, TECH_GROUP
from accounts_registry.models import Account

SECRET = "vk1.a.SUPERSECRETTOKENVALUE-9f8e7d6c5b4a"


def make_user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(
        username=username,
        password="pw-123456!",
        email=f"{username}@example.org",
        **extra,
    )
    if group:
        # Wagtail's own groups come from a data migration, which a transactional
        # test's flush removes; the registry's groups are recreated after every flush.
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def login(client, user):
    """Log in as a user who has passed two-factor authentication."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, defaults={"name": "test", "confirmed": True}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def keeper(db, django_user_model):
    return make_user(django_user_model, "keeper", KEEPER_GROUP)


@pytest.fixture
def tech(db, django_user_model):
    return make_user(django_user_model, "tech", TECH_GROUP)


@pytest.fixture
def account(db):
    acc = Account(
        network="vk",
        name="Минсоцзащиты Кузбасса",
        external_id="123456",
        url="https://vk.com/club123456",
        status=Account.Status.ACTIVE,
    )
    acc.set_credential({"access_token": SECRET, "token_type": "community"})
    acc.save()
    return acc
