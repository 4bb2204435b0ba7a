"""The «Модератор» group and the default rules (data, editable in the admin)."""

from django.db import migrations

from moderation.defaults import ensure_default_rules, ensure_moderator_group


def forwards(apps, schema_editor):
    ensure_moderator_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        apps.get_model("contenttypes", "ContentType"),
    )
    ensure_default_rules(apps.get_model("moderation", "Rule"))


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
