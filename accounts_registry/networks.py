"""Network codes as model choices: the same codes are used in the CSV import, on the
command line, in settings and in ``syndication.networks``. They come from the one
registry of networks (``syndication/networks/registry.py``), which imports nothing of
the project, so the register may read it."""

from django.db import models

from syndication.networks import registry

# ``Network.VK``, ``Network("vk").label``, ``Network.choices`` as before; members and
# labels are the registry's, in its order.
Network = models.TextChoices(
    "Network",
    [(spec.code.upper(), (spec.code, spec.name)) for spec in registry.all_specs()],
)

# Meta Platforms was recognised as extremist in Russia on 21.03.2022 and both networks are
# blocked: accounts there are kept in the register but excluded from every default.
RESTRICTED_NETWORKS = frozenset(registry.codes_where(lambda spec: spec.restricted))
