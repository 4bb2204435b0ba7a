"""Inbound webhooks, one module per network, in the manner of django-anymail's."""
