"""Helpers of the render step: Piece items → Lines → plain text or Telegram HTML.

Nothing here does I/O; ``page_reader`` is the one module that knows Wagtail.
"""
