"""gunicorn's logger with the secret redaction on its handlers (``gunicorn.conf.py``).

gunicorn writes its access and error logs through handlers of its own, set up outside
Django's LOGGING, so the filter that Django's handlers carry would not see an access
line such as ``"POST /hooks/ok/<account>/<secret>/ HTTP/1.1" 200``."""

from __future__ import annotations

from gunicorn.glogging import Logger

from cms.log_filters import install_on_every_handler

# Apache's combined format plus the time taken; request headers (``%({name}i)s``) and
# environment variables (``%({name}e)s``) are left out on purpose: some carry secrets.
ACCESS_LOG_FORMAT = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
)


class RedactingLogger(Logger):
    def setup(self, cfg):
        # gunicorn runs setup again on a configuration reload (HUP), with new handlers.
        super().setup(cfg)
        install_on_every_handler([*self.error_log.handlers, *self.access_log.handlers])
