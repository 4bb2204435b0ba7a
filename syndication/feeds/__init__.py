"""Feeds that networks import from us (Dzen reads RSS; it has no publishing API)."""
