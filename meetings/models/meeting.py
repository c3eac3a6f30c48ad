from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class MeetingKind(models.TextChoices):
    COORDINATION = "coordination", _("Coordination meeting")
    WORKING_GROUP = "working_group", _("Working group")
    WORKSHOP = "workshop", _("Workshop / consultation")
    EVENT = "event", _("Event")
    OTHER = "other", _("Other")


class MeetingFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingVisibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only (staff and invited people)")


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings with a public page: published or cancelled (a cancelled one says so)."""
        return self.filter(status__in=[MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED])

    def public(self):
        return self.published().filter(visibility=MeetingVisibility.PUBLIC)

    def visible_to(self, user):
        """What a visitor may open: staff see everything, the public sees public pages."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.public()

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")


class Meeting(models.Model):
    """A meeting of the network: a coordination meeting, working group, workshop or event."""

    Kind = MeetingKind
    Format = MeetingFormat
    Status = MeetingStatus
    Visibility = MeetingVisibility

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.COORDINATION
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    online_link = models.URLField(
        _("online joining link"),
        max_length=500,
        blank=True,
        help_text=_("Never public: only confirmed participants see it."),
    )
    organiser = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="organised_meetings",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
    )
    chairs = models.ManyToManyField(
        "members.Person", related_name="chaired_meetings", verbose_name=_("chairs"), blank=True
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=MeetingVisibility.choices,
        default=MeetingVisibility.PUBLIC,
    )
    gcm_objectives = models.ManyToManyField(
        "frameworks.GCMObjective",
        related_name="meetings",
        verbose_name=_("GCM objectives"),
        blank=True,
    )
    priorities = models.ManyToManyField(
        "frameworks.StrategicPriority",
        related_name="meetings",
        verbose_name=_("UNSDCF priorities"),
        blank=True,
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="meetings_meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meetings_meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=MeetingVisibility.values),
                name="meetings_meeting_visibility_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "visibility", "start"])]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d %b %Y})"

    def save(self, *args, **kwargs):
        if not self.slug:
            day = timezone.localtime(self.start).date().isoformat()
            self.slug = f"{day}-{slugify(self.title)}"[:220]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting-detail", kwargs={"slug": self.slug})

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_past(self):
        return self.end < timezone.now()
