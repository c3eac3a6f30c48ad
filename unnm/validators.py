"""Checks on uploaded files shared by every app (organisation logos, meeting documents)."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class MaxFileSizeValidator:
    """Refuses an upload larger than `limit` bytes, with the limit in the message."""

    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value):
        if value.size > self.limit:
            raise ValidationError(
                _("The file is %(size)s; the largest allowed is %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(value.size), "limit": filesizeformat(self.limit)},
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSizeValidator) and self.limit == other.limit


validate_image_size = MaxFileSizeValidator(2 * 1024 * 1024)
