"""Webhook secrets are encrypted like the accounts' credentials (issue 12.6): the
plaintext column is encrypted into ``secret_encrypted`` (Fernet, FIELD_ENCRYPTION_KEY)
with its last four characters kept as ``secret_hint``, then dropped. Reversible: going
back decrypts into the plaintext column."""

from django.db import migrations, models


def fernet():
    from accounts_registry import crypto

    return crypto.get_fernet()


def hint(secret: str) -> str:
    return secret[-4:] if len(secret) >= 8 else ""


def encrypt(apps, schema_editor):
    Endpoint = apps.get_model("moderation", "WebhookEndpoint")
    for pk, secret in Endpoint.objects.values_list("pk", "secret"):
        Endpoint.objects.filter(pk=pk).update(
            secret_encrypted=fernet().encrypt(secret.encode()) if secret else b"",
            secret_hint=hint(secret or ""),
        )


def decrypt(apps, schema_editor):
    Endpoint = apps.get_model("moderation", "WebhookEndpoint")
    for pk, token in Endpoint.objects.values_list("pk", "secret_encrypted"):
        secret = fernet().decrypt(bytes(token)).decode() if token else ""
        Endpoint.objects.filter(pk=pk).update(secret=secret)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0008_desk_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="webhookendpoint",
            name="secret_encrypted",
            field=models.BinaryField(default=b"", editable=False),
        ),
        migrations.AddField(
            model_name="webhookendpoint",
            name="secret_hint",
            field=models.CharField(
                blank=True,
                editable=False,
                max_length=4,
                verbose_name="secret ends with",
            ),
        ),
        migrations.RunPython(encrypt, decrypt),
        # A default for the way back, so the column can be added again before the
        # secrets are decrypted into it.
        migrations.AlterField(
            model_name="webhookendpoint",
            name="secret",
            field=models.CharField(
                default="", max_length=256, verbose_name="secret"
            ),
        ),
        migrations.RemoveField(
            model_name="webhookendpoint",
            name="secret",
        ),
    ]
