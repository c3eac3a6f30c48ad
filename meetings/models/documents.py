"""A meeting's documents (files in private storage, or links) and its minutes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.storage import document_storage
from meetings.validators import (
    DOCUMENT_CONTENT_TYPES,
    INLINE_EXTENSIONS,
    validate_document_size,
    validate_document_type,
)


class DocumentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Document.Visibility.PUBLIC)

    def visible_to(self, user):
        """Members-only documents for those who may see members' content, public ones for all."""
        return self if user.has_perm("meetings.view_members_only") else self.public()


class Document(models.Model):
    """A meeting's agenda, concept note, presentation, minutes, report or photo."""

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        CONCEPT_NOTE = "concept_note", _("Concept note")
        PRESENTATION = "presentation", _("Presentation")
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        PHOTO = "photo", _("Photo")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    file = models.FileField(
        _("file"),
        upload_to="meetings/%Y/",
        storage=document_storage,
        blank=True,
        validators=[validate_document_type, validate_document_size],
        help_text=_("PDF, Word, PowerPoint, Excel, OpenDocument text, or an image; at most 20 MB."),
    )
    external_url = models.URLField(_("external link"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    objects = DocumentQuerySet.as_manager()
    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        ordering = ["meeting", "order", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(external_url="")) | (~Q(file="") & Q(external_url="")),
                name="meetings_document_file_xor_link",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.external_url):
            raise ValidationError(_("Upload a file or give an external link (one of the two)."))
        if self.kind == self.Kind.PHOTO and self.file:
            extension = self.file.name.rsplit(".", 1)[-1].lower()
            if extension not in {"jpg", "jpeg", "png", "webp"}:
                raise ValidationError({"file": _("A photo must be a JPEG, PNG or WebP image.")})

    @property
    def url(self):
        """Where the document opens: the checked download view for a file, else the link."""
        if self.file:
            return reverse("meetings:document-download", kwargs={"pk": self.pk})
        return self.external_url

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].lower() if "." in self.file.name else ""

    @property
    def content_type(self):
        """From the validated extension, never from what the uploader's browser claimed."""
        return DOCUMENT_CONTENT_TYPES.get(self.extension, "application/octet-stream")

    @property
    def opens_inline(self):
        """PDFs and images open in the browser; everything else is downloaded."""
        return self.extension in INLINE_EXTENSIONS


class Minutes(models.Model):
    """The minutes of a meeting: drafted, circulated to members, adopted at a later meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated to members")
        ADOPTED = "adopted", _("Adopted")

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="minutes",
        verbose_name=_("meeting"),
    )
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    circulated_on = models.DateField(_("circulated on"), null=True, blank=True)
    adopted_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="adopted_minutes",
        verbose_name=_("adopted at"),
        null=True,
        blank=True,
        help_text=_("The later meeting that adopted these minutes."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_at__isnull=False),
                name="meetings_minutes_adopted_at_a_meeting",
            ),
            models.CheckConstraint(
                condition=~Q(adopted_at=F("meeting")),
                name="meetings_minutes_adopted_at_another_meeting",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(circulated_on__isnull=False),
                name="meetings_minutes_circulated_has_date",
            ),
        ]

    def __str__(self):
        return _("Minutes of %(meeting)s") % {"meeting": self.meeting}

    def clean(self):
        if self.status == self.Status.ADOPTED and not self.adopted_at_id:
            raise ValidationError({"adopted_at": _("Say at which meeting they were adopted.")})
        if self.status != self.Status.DRAFT and not self.circulated_on:
            raise ValidationError({"circulated_on": _("Give the date they were circulated.")})
        later = (
            self.adopted_at_id
            and self.meeting_id
            and (
                self.adopted_at_id != self.meeting_id and self.adopted_at.start > self.meeting.start
            )
        )
        if self.adopted_at_id and self.meeting_id and not later:
            raise ValidationError({"adopted_at": _("Minutes are adopted at a later meeting.")})

    @property
    def is_adopted(self):
        return self.status == self.Status.ADOPTED
