"""
Where book covers are kept. Used by the cover import script (not by the site itself).
"""
from django.core.files import storage
from django.utils.functional import cached_property


class CoverStore:
    """The storage class for book covers, and the project's default one for comparison."""

    def _cover_class(self):
        return storage.get_storage_class("django.core.files.storage.FileSystemStorage")

    cover_class = cached_property(_cover_class, name="cover_class")

    def default_class(self):
        return storage.get_storage_class()
