"""Admin screens of syndication (registered in ``syndication/wagtail_hooks.py``)."""
