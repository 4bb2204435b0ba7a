"""Celery tasks of the sandbox (the demo only: production has no sandbox)."""

from celery import shared_task

from .readers import write_next


@shared_task(name="sandbox.demo_reader_comment", ignore_result=True)
def demo_reader_comment() -> str:
    comment = write_next()
    return f"comment {comment.pk}" if comment else "nothing to write"
