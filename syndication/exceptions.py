"""Errors of the syndication app.

Modelled on django-anymail's ``exceptions.py``: one base class carrying context
(network, payload, response) so logs and the delivery log can show what happened;
configuration errors stand apart from runtime errors.
"""

from __future__ import annotations


class SyndicationError(Exception):
    """Base of every runtime error raised while rendering or sending a piece."""

    def __init__(
        self, message: str = "", *, network: str = "", payload=None, response=None
    ):
        super().__init__(message)
        self.network = network
        self.payload = payload
        self.response = response

    def __str__(self) -> str:
        text = super().__str__()
        return f"[{self.network}] {text}" if self.network else text


class Unsupported(SyndicationError, NotImplementedError):
    """The network (or this implementation of it) cannot do what was asked."""


class RenderError(SyndicationError):
    """A piece cannot be rendered at all for a network (e.g. nothing to post)."""


class UnknownNetwork(SyndicationError, LookupError):
    """No network is registered under the given code."""


class SyndicationConfigurationError(Exception):
    """Settings are missing or wrong; raised at startup or first use, never retried."""
