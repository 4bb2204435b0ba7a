"""Every app of the project migrates to zero and back with the demo loaded, on
PostgreSQL (issue 11.7: `migrate sandbox 0004` failed with the demo, whose network codes
are longer than the old column; SQLite does not check lengths, so this runs in the
PostgreSQL pass only)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sandbox.models import SandboxAccount

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def project_apps() -> list[str]:
    """Labels of the apps of this repository (not the installed packages) that have
    migrations."""
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT)
        and not {".venv", "site-packages"} & set(Path(config.path).parts)
        and (Path(config.path) / "migrations" / "__init__.py").exists()
    )


def unapplied() -> list:
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def test_every_project_app_is_checked():
    labels = set(project_apps())
    assert {
        "sandbox",
        "syndication",
        "moderation",
        "accounts_registry",
        "cms",
    } <= labels
    assert not {"wagtailcore", "auth"} & labels


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("app", project_apps())
def test_an_app_migrates_to_zero_and_back_with_the_demo(app):
    load_demo()
    call_command("migrate", app, "zero", verbosity=0)
    call_command("migrate", verbosity=0)
    assert not unapplied()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_sandbox_goes_back_to_0004_with_the_demo():
    load_demo()
    assert SandboxAccount.objects.filter(network="livejournal").exists()
    kept = set(
        SandboxAccount.objects.filter(network__in=["vk", "ok", "telegram"]).values_list(
            "pk", flat=True
        )
    )
    call_command("migrate", "sandbox", "0004", verbosity=0)
    call_command("migrate", verbosity=0)
    assert not unapplied()
    # the accounts of the networks 0004 knows stay; the later networks' are removed
    assert set(SandboxAccount.objects.values_list("pk", flat=True)) == kept
    load_demo()  # and the demo completes itself again
