"""Building blocks of the webhook schemas: the kinds of values networks send.

Bounds follow what the database and the handlers can take (ids fit a 64-bit integer
and the 100-character id columns, names the 300-character author column), so a payload
that passes is stored on PostgreSQL as on SQLite."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

__all__ = ["Any", "Field", "Id", "IdText", "AnyId", "Millis", "Name", "Seconds",
           "Short", "Wire", "ValidationError", "reason"]  # fmt: skip


class Wire(BaseModel):
    """A part of a payload: the fields declared are checked, the others kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


# A numeric id (VK, Telegram, MAX); digits in a string are accepted, as networks mix them.
Id = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
# An id that is text (MAX and OK message ids, Meta's "<page>_<post>").
IdText = Annotated[str, StringConstraints(max_length=100)]
AnyId = Id | IdText
Name = Annotated[str, StringConstraints(max_length=128)]
Short = Annotated[str, StringConstraints(max_length=50)]
Seconds = Annotated[int, Field(ge=0, le=10**11)]
Millis = Annotated[int, Field(ge=0, le=10**14)]


def reason(error: ValidationError, limit: int = 3) -> str:
    """Where and how a payload failed, for the log: places and error kinds only,
    never the values (they may carry a secret or a reader's words)."""
    parts = [
        f"{'.'.join(str(p) for p in item['loc']) or '(payload)'}: {item['type']}"
        for item in error.errors(include_url=False, include_input=False)[:limit]
    ]
    more = error.error_count() - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
