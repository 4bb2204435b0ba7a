"""Serve the site (and so the sandbox) with a threaded WSGI server that stamps each
request's arrival time before Django runs, the way a network's front end counts
requests: ``python -m sandbox.serve 127.0.0.1:8001``.

The sandbox's rate windows use the stamp (``environ["sandbox.arrived"]``) when it is
there, so middleware time does not blur the count; under ``runserver`` or the test
live server they fall back to the time the view starts."""

from __future__ import annotations

import os
import sys
import time

import django
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application


def stamping(app):
    def wrapped(environ, start_response):
        environ["sandbox.arrived"] = time.monotonic()
        return app(environ, start_response)

    return wrapped


def arrival(request) -> float:
    return request.META.get("sandbox.arrived") or time.monotonic()


def main(address: str = "127.0.0.1:8001") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format, *args):
            pass

    host, port = address.rsplit(":", 1)
    server = ThreadedWSGIServer((host, int(port)), QuietHandler)
    server.daemon_threads = True
    server.set_app(stamping(get_wsgi_application()))
    server.serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:2])
