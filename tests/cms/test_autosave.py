"""Autosave is off (issue 17): it created drafts from a title alone and answered 400
while blocks were half-filled."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_piece_editor_does_not_autosave(client, django_user_model, site_tree):
    _, news = site_tree
    user = django_user_model.objects.create_superuser("chief", "c@example.org", "pw")
    client.force_login(user)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["cms", "newspage", news.pk])
    )
    assert response.status_code == 200
    assert response.context["view"].autosave_enabled is False
