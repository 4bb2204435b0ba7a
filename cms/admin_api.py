"""Wagtail's admin API for images and documents, limited to people with media rights.

Wagtail 8 registers ``/admin/api/main/images/`` and ``/documents/`` for anyone who may
open the admin, so a moderator, the registry keeper or the technician could list every
image and document, unpublished ones included (issue 12.9). Here a user needs a right
that manages images (documents) — add, change or delete, in some collection, the rights
for which Wagtail shows its «Images» («Documents») menu — and sees the items that
Wagtail's own «Images» listing shows them (those they may change or delete); superusers
see everything. Choosing an image for a
page goes through the chooser's own views, which this does not touch."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

MEDIA_ACTIONS = ("add", "change", "delete")
LISTED_ACTIONS = ("change", "delete")


class MediaRightsRequired:
    """Mixed into a Wagtail API viewset over ``model`` (images or documents)."""

    def get_queryset(self):
        user = self.request.user
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission(user, MEDIA_ACTIONS):
            raise PermissionDenied
        allowed = policy.instances_user_has_any_permission_for(user, LISTED_ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ImagesForMediaRights(MediaRightsRequired, ImagesAdminAPIViewSet):
    model = get_image_model()


class DocumentsForMediaRights(MediaRightsRequired, DocumentsAdminAPIViewSet):
    model = get_document_model()
