"""Where meeting documents are kept: a folder that no web server serves, read only through
the document view, which checks who may see the file."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="meetings.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT, which has no URL of its own."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        # Deliberately no address: a document is linked through its download view.
        return None


private_storage = PrivateStorage()


def document_storage():
    """The storage of meeting documents (a callable, so migrations name it, not a folder)."""
    return private_storage
