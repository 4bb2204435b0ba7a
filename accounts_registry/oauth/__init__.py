"""OAuth connect flows (requests-oauthlib): VK ID with PKCE, OK, Facebook page token.

Each provider's quirks live in one class in ``providers.py``; views in ``views.py``; the
refresh task in ``refresh.py``. Against the built-in sandbox the same code runs with the
sandbox's URLs (``/sandbox/oauth/...``)."""
