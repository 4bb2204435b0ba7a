"""Who may use the inbox: superusers and members of «Модератор» (or anyone granted
``moderation.moderate_inbox``). Page editing and account credentials are governed by
their own permissions, which the moderator group does not have."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

PERMISSION = "moderation.moderate_inbox"


def can_moderate(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(PERMISSION))
    )


def moderator_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def moderators():
    """Active users who may use the inbox (the only people a rule may assign to)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="moderate_inbox")
            | Q(user_permissions__codename="moderate_inbox")
        )
        .distinct()
        .order_by("username")
    )


def can_edit_rules(user) -> bool:
    return can_moderate(user) and user.has_perm("moderation.change_rule")
