"""Moderators keep saved replies and read the rules; «Старший модератор» edits them."""

from django.db import migrations

from moderation.defaults import ensure_senior_moderator_group


def forwards(apps, schema_editor):
    ensure_senior_moderator_group(
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        apps.get_model("contenttypes", "ContentType"),
    )


class Migration(migrations.Migration):
    dependencies = [("moderation", "0007_saved_replies")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
