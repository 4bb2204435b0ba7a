"""gunicorn's settings: the one place the production web server is configured. gunicorn
reads ./gunicorn.conf.py by default, so the Procfile's ``web`` process (and
bench/moderation/bench_ingest.py, which starts that same command) use them. Secrets in
request lines are redacted from every log line (cms/log_filters.py, issue 12.5).

Workers and threads were chosen by bench/moderation/bench_ingest.py on the 2-core
machine (issue 11.8, figures in bench/moderation/README.md); a bigger machine sets
GUNICORN_WORKERS / GUNICORN_THREADS instead of editing this file."""

import os

from cms.gunicorn_logging import ACCESS_LOG_FORMAT

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Threads, not more processes: a request mostly waits on PostgreSQL, and a thread costs
# no extra memory for Django, the classifier's dictionaries and a database connection
# kept open (CONN_MAX_AGE) per thread. gthread also keeps the connection of a network
# that sends webhooks in bursts alive (sync workers close it after every answer).
# Since the webhook events are handled by the «ingest» worker after the answer (issue
# 11.8), a request holds the GIL for about 1.3 ms; two processes still fill the two
# cores with the ingest worker and PostgreSQL beside them: 3 x 4 measured 408 and 272
# events/s against 379 and 518 for 2 x 4 in alternating runs on the shared machine
# (load 6.3-6.9; bench/moderation/bench_ingest.py, GUNICORN_WORKERS=3), no gain.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "30"))
# A stuck request (a database lock) is killed after this long; the network retries it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))

accesslog = "-"
logger_class = "cms.gunicorn_logging.RedactingLogger"
access_log_format = ACCESS_LOG_FORMAT


def post_worker_init(worker):
    """Load the URLconf (the views, Wagtail's and the webhooks' URLs) in every worker
    before its first request: Django loads it lazily, so otherwise the first request a
    worker gets after a start pays about 0.3 s for it (seen in bench_ingest.py as a
    cold worker during the timed burst, issue 11.8)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - the property loads the URLconf
