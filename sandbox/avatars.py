"""A reader's avatar in the sandbox: a circle with the initials, as SVG (what
``users.get``'s ``photo_100`` points at, so pages never load a real network's image)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.html import escape

from sandbox.models import SandboxComment

COLOURS = ("#5b8def", "#e0644f", "#3aa57a", "#9b6ad6", "#d89a2b", "#3a9fb0")


def avatar(request, user_id: int):
    comment = SandboxComment.objects.filter(author_id=user_id).order_by("-pk").first()
    name = comment.author_name if comment else str(user_id)
    initials = "".join(part[:1] for part in name.split()[:2]).upper() or "?"
    colour = COLOURS[abs(user_id) % len(COLOURS)]
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" '
        'viewBox="0 0 100 100">'
        f'<circle cx="50" cy="50" r="50" fill="{colour}"/>'
        '<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" '
        f'font-size="40" fill="#fff">{escape(initials)}</text></svg>'
    )
    return HttpResponse(svg, content_type="image/svg+xml")
