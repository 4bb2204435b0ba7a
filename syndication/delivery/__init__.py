"""Delivery: scheduling (which accounts, when), claiming and state changes (state),
sending one delivery (sending), the scheduler tick and in-process runner (dispatch),
and retry timing (retries)."""
