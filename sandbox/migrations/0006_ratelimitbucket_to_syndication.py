"""RateLimitBucket moves to syndication (the real rate limiter's model, needed in
production where this app is not installed). The table stays where it is; only the
model's owner changes, so this side drops it from the state and touches no table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('sandbox', '0005_more_networks'),
        ('syndication', '0004_ratelimitbucket'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='RateLimitBucket')],
        ),
    ]
