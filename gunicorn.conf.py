"""gunicorn's settings; gunicorn reads ./gunicorn.conf.py by default, so the Procfile's
``web`` process uses them. Secrets in request lines are redacted from every log line
(cms/log_filters.py, issue 12.5)."""

from cms.gunicorn_logging import ACCESS_LOG_FORMAT

logger_class = "cms.gunicorn_logging.RedactingLogger"
access_log_format = ACCESS_LOG_FORMAT
