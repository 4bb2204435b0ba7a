"""Admin screens of the moderation inbox (wired in wagtail_hooks.py)."""
