"""Checks on uploaded meeting documents: an allowed type, a matching content, a sane size."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from unnm.validators import MaxFileSizeValidator

# Extension -> the first bytes every such file starts with (Office files are zip archives).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "webp": (b"RIFF",),
}
DOCUMENT_EXTENSIONS = sorted(SIGNATURES)
# The content type a document is served with, by its (validated) extension.
DOCUMENT_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}
IMAGE_EXTENSIONS = ["jpeg", "jpg", "png", "webp"]
INLINE_EXTENSIONS = ["pdf", *IMAGE_EXTENSIONS]
MAX_DOCUMENT_SIZE = 20 * 1024 * 1024

validate_document_size = MaxFileSizeValidator(MAX_DOCUMENT_SIZE)


@deconstructible
class DocumentTypeValidator:
    """Refuses a file whose extension is not allowed, or whose content does not match it."""

    def __call__(self, value):
        extension = Path(value.name).suffix.lower().lstrip(".")
        if extension not in SIGNATURES:
            raise ValidationError(
                _("“.%(extension)s” files are not accepted. Upload one of: %(allowed)s."),
                code="invalid_extension",
                params={
                    "extension": extension or "?",
                    "allowed": ", ".join(DOCUMENT_EXTENSIONS),
                },
            )
        position = value.tell() if hasattr(value, "tell") else 0
        value.seek(0)
        head = value.read(16)
        value.seek(position)
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("This file does not look like a real .%(extension)s file; it was refused."),
                code="content_mismatch",
                params={"extension": extension},
            )

    def __eq__(self, other):
        return isinstance(other, DocumentTypeValidator)


validate_document_type = DocumentTypeValidator()
