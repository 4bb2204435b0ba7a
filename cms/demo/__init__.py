"""Demo data for ``manage.py load_demo``: a small site, users in every role, a workflow."""
