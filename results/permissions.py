"""Who may read the results: whoever may view tracked posts (the chief editor's and
management's groups are given ``results.view_posttracking``)."""

PERMISSION = "results.view_posttracking"


def can_view(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))
