"""RateLimitBucket comes over from the sandbox app with its table
``sandbox_ratelimitbucket``, so the rows of an existing database stay where they are.

The model enters syndication's state without a table operation; the table itself is
made here only when it is missing: a database created before the move already has it
(the sandbox's 0001 made it), a new one (production never installs the sandbox, and
the sandbox's history now only records the model) does not. The sandbox's 0006 removes
the model from its own state."""

from django.db import migrations, models


def create_table_unless_present(apps, schema_editor):
    model = apps.get_model("syndication", "RateLimitBucket")
    tables = schema_editor.connection.introspection.table_names()
    if model._meta.db_table not in tables:
        schema_editor.create_model(model)


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("syndication", "RateLimitBucket"))


class Migration(migrations.Migration):

    dependencies = [
        ("syndication", "0003_full_text_host_from_registry"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateLimitBucket",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=200, unique=True)),
                        ("stamps", models.JSONField(default=list)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={"db_table": "sandbox_ratelimitbucket"},
                ),
            ],
        ),
        migrations.RunPython(create_table_unless_present, drop_table),
    ]
