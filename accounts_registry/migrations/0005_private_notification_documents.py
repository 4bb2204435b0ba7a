"""Sent 10-day letters move from the public media folder
(``registry/notifications/notification-<pk>.docx``, a name anyone could guess) to the
private storage under a random name (issue 12.4)."""

import secrets

from django.db import migrations, models

import cms.private_files

OLD_FOLDER = "registry/notifications/"


def move_to_private(apps, schema_editor):
    from django.core.files.storage import default_storage, storages

    private = storages["private"]
    Notification = apps.get_model("accounts_registry", "Notification")
    for notification in Notification.objects.exclude(document="").iterator():
        old = notification.document.name
        if not old.startswith(OLD_FOLDER) or not default_storage.exists(old):
            continue
        with default_storage.open(old, "rb") as content:
            new = private.save(f"notifications/{secrets.token_hex(16)}.docx", content)
        Notification.objects.filter(pk=notification.pk).update(document=new)
        default_storage.delete(old)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts_registry", "0004_letter_requisites"),
    ]

    operations = [
        migrations.AlterField(
            model_name="notification",
            name="document",
            field=models.FileField(
                blank=True,
                storage=cms.private_files.private_storage,
                upload_to=cms.private_files.RandomName("notifications"),
                verbose_name="sent document",
            ),
        ),
        # Not reversible: putting a private letter back where anyone can read it is
        # not something to do by rolling back.
        migrations.RunPython(move_to_private, migrations.RunPython.noop),
    ]
