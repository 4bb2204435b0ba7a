"""Celery tasks of the results app (Celery beat: cms/settings/base.py)."""

from celery import shared_task

from . import collect


@shared_task(name="results.collect", ignore_result=True)
def collect_statistics() -> str:
    return str(collect.run_round())


@shared_task(name="results.prune", ignore_result=True)
def prune_observations() -> str:
    return f"deleted {collect.prune()}"
