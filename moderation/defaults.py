"""Default moderation setup, shared by the data migration and the tests.

Rule names are data (editable in the admin), written in Russian like page content."""

MODERATOR_GROUP = "Модератор"

# name, label, min_score, action, reason, priority
DEFAULT_RULES = [
    (
        "Возможное нарушение закона — срочно модератору",
        "illegal",
        0.0,
        "assign",
        "law",
        10,
    ),
    ("Уверенный мат — скрыть", "obscene", 0.9, "hide", "obscene", 20),
    ("Уверенный спам — удалить", "spam", 0.95, "delete", "spam", 30),
]


def ensure_default_rules(Rule) -> None:
    """Create the default rules unless any rule exists (``Rule`` may be historical)."""
    if Rule.objects.exists():
        return
    for name, label, score, action, reason, priority in DEFAULT_RULES:
        Rule.objects.create(
            name=name,
            label=label,
            min_score=score,
            action=action,
            reason=reason,
            priority=priority,
            enabled=True,
        )


def ensure_moderator_group(Group, Permission, ContentType):
    """The «Модератор» group: the admin and the inbox, no pages, no credentials."""
    group, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
    admin_ct, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    item_ct, _ = ContentType.objects.get_or_create(
        app_label="moderation", model="inboxitem"
    )
    access, _ = Permission.objects.get_or_create(
        content_type=admin_ct,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    moderate, _ = Permission.objects.get_or_create(
        content_type=item_ct,
        codename="moderate_inbox",
        defaults={"name": "Can use the moderation inbox"},
    )
    group.permissions.add(access, moderate)
    # Saved replies are the moderators' own; the rules they may read, not change.
    group.permissions.add(
        *_model_permissions(Permission, ContentType, "replytemplate", ALL_ACTIONS),
        *_model_permissions(Permission, ContentType, "rule", ("view",)),
        *_model_permissions(Permission, ContentType, "watchedauthor", ("view",)),
    )
    return group


SENIOR_MODERATOR_GROUP = "Старший модератор"
ALL_ACTIONS = ("add", "change", "delete", "view")


def _model_permissions(Permission, ContentType, model: str, actions) -> list:
    content_type, _ = ContentType.objects.get_or_create(
        app_label="moderation", model=model
    )
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )[0]
        for action in actions
    ]


def ensure_senior_moderator_group(Group, Permission, ContentType):
    """«Старший модератор»: a moderator who also writes the rules and the watch list
    (the webhook settings stay with the technician and the administrators)."""
    moderator = ensure_moderator_group(Group, Permission, ContentType)
    group, _ = Group.objects.get_or_create(name=SENIOR_MODERATOR_GROUP)
    group.permissions.add(
        *moderator.permissions.all(),
        *_model_permissions(Permission, ContentType, "rule", ALL_ACTIONS),
        *_model_permissions(Permission, ContentType, "watchedauthor", ALL_ACTIONS),
    )
    return group
