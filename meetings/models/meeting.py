from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    StringAgg,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from meetings.models.attendance import (
    attendance_sentence,
    group_by_kind,
    kinds_present,
    representative_count,
)
from unnm.db import json_rows, rows_of
from unnm.languages import translated


@dataclass(frozen=True)
class LinkedObjective:
    """A GCM objective as a meeting's page names it: its number and short label."""

    number: int
    short_label: str


@dataclass(frozen=True)
class LinkedPriority:
    """A UNSDCF strategic priority as a meeting's page names it: "Priority 2: Title"."""

    pk: int
    number: int
    title: str

    def __str__(self):
        from frameworks.models import StrategicPriority

        return StrategicPriority.label(self.number, self.title)


def linked_objectives(rows):
    """The objectives of `with_objectives()`'s JSON rows, by number."""
    rows = sorted(rows or [], key=lambda row: row["number"])
    return [LinkedObjective(row["number"], row["label"]) for row in rows]


def linked_priorities(rows):
    """The priorities of `with_priorities()`'s JSON rows, newest framework first, then by
    number."""
    rows = sorted(rows or [], key=lambda row: (-row["since"], row["framework"], row["number"]))
    return [LinkedPriority(row["pk"], row["number"], row["title"]) for row in rows]


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


def visible_to(user, relation=""):
    """The condition of `MeetingQuerySet.visible_to` on the meeting at `relation` ("meeting__"),
    for a query that joins it rather than asking for its primary key IN a subquery."""
    condition = Q()
    if not user.has_perm("meetings.view_draft_meeting"):
        statuses = [MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED]
        condition &= Q(**{f"{relation}status__in": statuses})
    if not user.has_perm("meetings.view_members_only"):
        condition &= Q(**{f"{relation}visibility": MeetingVisibility.PUBLIC})
    return condition


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings with a public page: published or cancelled (a cancelled one says so)."""
        return self.filter(status__in=[MeetingStatus.PUBLISHED, MeetingStatus.CANCELLED])

    def public(self):
        return self.published().filter(visibility=MeetingVisibility.PUBLIC)

    def visible_to(self, user):
        """What a visitor may open: published public pages, plus drafts for those who may preview
        them and members-only meetings for those who may see members' content."""
        return self.filter(visible_to(user))

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")

    def upcoming_first(self, now=None):
        """Upcoming meetings soonest first, then past ones latest first (the list's order)."""
        now = now or timezone.now()
        upcoming_start = models.Case(models.When(end__gte=now, then=F("start")))
        return self.alias(upcoming_start=upcoming_start).order_by(
            F("upcoming_start").asc(nulls_last=True), "-start"
        )

    def with_rsvp_open(self, now=None):
        """
        `takes_answers`: the public form takes answers now (the list's "Taking answers" badge),
        by the same rules as `RSVPSettings.closed_reason`, in the list's own query.
        """
        now = now or timezone.now()
        # No opening time: open from publication.
        open_now = (
            Q(
                status=MeetingStatus.PUBLISHED,
                visibility=MeetingVisibility.PUBLIC,
                end__gte=now,
                rsvp_settings__isnull=False,
            )
            & (Q(rsvp_settings__opens_at__isnull=True) | Q(rsvp_settings__opens_at__lte=now))
            & (Q(rsvp_settings__closes_at__isnull=True) | Q(rsvp_settings__closes_at__gt=now))
        )
        return self.annotate(
            takes_answers=models.ExpressionWrapper(open_now, output_field=models.BooleanField())
        )

    def with_confirmed_count(self):
        """Annotate `confirmed_count`: the confirmed answers, as the RSVP panel shows them."""
        from meetings.models.rsvp import RSVP, RSVPStatus

        confirmed = (
            RSVP.objects.filter(meeting=OuterRef("pk"), status=RSVPStatus.CONFIRMED)
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(confirmed_count=Coalesce(Subquery(confirmed), 0))

    def with_named_participants(self):
        """
        Annotate `named_participants_json`: the confirmed participants who agreed to be named on
        the meeting's page, by name, with their organisation's acronym, else its name in the
        active language, else the name they wrote; never an address. In the meeting's own query,
        as its count: the RSVP panel changes with each answer.
        """
        from meetings.models.rsvp import RSVP

        organisation = Coalesce(
            NullIf(F("organisation__acronym"), Value("")),
            translated("organisation__name", otherwise=F("organisation_name")),
            output_field=models.TextField(),
        )
        return self.annotate(
            named_participants_json=rows_of(
                RSVP.objects.confirmed().filter(consent_public_listing=True),
                json_rows(order_by=["name"], name=F("name"), organisation=organisation),
            )
        )

    def with_kinds_present(self):
        """
        Annotate the kinds of organisation recorded as present without names
        (`ParticipationByKind`), comma-separated, in the meeting's own query: a prefetch would
        be one more query for a few short strings.
        """
        from meetings.models.programme import ParticipationByKind

        kinds = (
            ParticipationByKind.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(kinds=StringAgg("kind", Value(",")))
            .values("kinds")
        )
        return self.annotate(kinds_present_csv=Subquery(kinds))

    def related_json(self, relation, **fields):
        """
        The rows a meeting's many-to-many `relation` links it to, as one JSON array of objects
        with `fields` (expressions on the relation's through model), for a subquery of the
        meeting's own query: short reference rows, where a prefetch would be one more query.
        """
        through = getattr(self.model, relation).through
        return rows_of(through.objects.all(), json_rows(**fields))

    def with_objectives(self):
        """
        Annotate `objectives_json`: the meeting's GCM objectives (number and short label in the
        active language, with modeltranslation's fallback) in the meeting's own query.
        """
        return self.annotate(
            objectives_json=self.related_json(
                "gcm_objectives",
                number=F("gcmobjective__number"),
                label=translated("gcmobjective__short_label"),
            )
        )

    def with_priorities(self):
        """
        Annotate `priorities_json`: the meeting's UNSDCF priorities (id, framework, number and
        title in the active language, with modeltranslation's fallback) in the meeting's own
        query, as its objectives.
        """
        return self.annotate(
            priorities_json=self.related_json(
                "priorities",
                pk=F("strategicpriority_id"),
                framework=F("strategicpriority__framework_id"),
                since=F("strategicpriority__framework__start_year"),
                number=F("strategicpriority__number"),
                title=translated("strategicpriority__title"),
            )
        )

    def with_programme(self, user=None):
        """
        A meeting's programme as model instances, in a fixed number of queries, for the open
        data API's meetings (a page of them at a time). A meeting's page reads the same as plain
        data in one query (`meetings.record`).
        """
        from frameworks.models import Activity
        from meetings.models.documents import Document
        from meetings.models.programme import Participation, Remark
        from members.models import Person

        documents = Document.objects.all()
        documents = documents.visible_to(user) if user is not None else documents.public()
        return (
            self.with_kinds_present()
            .with_objectives()
            .with_priorities()
            .select_related("organiser", "minutes__adopted_at")
            .prefetch_related(
                Prefetch("chairs", queryset=Person.objects.select_related("organisation")),
                Prefetch(
                    "agenda_items__remarks",
                    queryset=Remark.objects.select_related("speaker", "speaker_organisation"),
                ),
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("organisation").order_by(
                        "organisation__kind", "organisation__name"
                    ),
                ),
                Prefetch("documents", queryset=documents, to_attr="visible_documents"),
                Prefetch(
                    "activities",
                    queryset=Activity.objects.published()
                    .with_partner_count()
                    .select_related("lead")
                    .order_by("title"),
                    to_attr="public_activities",
                ),
            )
        )


class Meeting(models.Model):
    """A meeting of the network: a coordination meeting, working group, workshop or event."""

    Kind = MeetingKind
    Format = MeetingFormat
    Status = MeetingStatus
    Visibility = MeetingVisibility

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_(
            "The page address. While the meeting is a draft it follows the date and title; "
            "once published it stays fixed so links keep working."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.COORDINATION
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_unknown = models.BooleanField(
        _("hour not recorded"),
        default=False,
        help_text=_(
            "The record gives the date only: pages say the date alone and the calendar file "
            "is an all-day event."
        ),
    )
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
    activities = models.ManyToManyField(
        "frameworks.Activity",
        related_name="meetings",
        verbose_name=_("work-plan activities"),
        blank=True,
        help_text=_("Activities planned, discussed or reported on at this meeting."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    objects = MeetingQuerySet.as_manager()
    # history: keep_history() in meetings/translation.py, after its columns per language

    class Meta:
        ordering = ["-start"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        permissions = [
            ("view_draft_meeting", _("Can see draft meetings before they are published")),
            ("view_members_only", _("Can see members-only meetings and documents")),
        ]
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
        indexes = [
            models.Index(fields=["status", "visibility", "start"]),
            # A meeting's page reads the open action points of the latest earlier meetings of
            # its kind (meetings.record.carried_over).
            models.Index(fields=["kind", "start"]),
        ]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.start):%d %b %Y})"

    def save(self, *args, **kwargs):
        # A draft has no public address yet, so its slug may follow edits of date and title.
        if not self.slug or self.status == MeetingStatus.DRAFT:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting-detail", kwargs={"slug": self.slug})

    def unique_slug(self):
        day = timezone.localtime(self.start).date().isoformat()
        # From the default language's title, whatever language the editor works in.
        with translation.override(settings.LANGUAGE_CODE):
            base = f"{day}-{slugify(self.title)}"[:210].strip("-")
        others = Meeting.objects.exclude(pk=self.pk)
        slug, suffix = base, 2
        while others.filter(slug=slug).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The meeting must end after it starts.")})

    @property
    def is_cancelled(self):
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_draft(self):
        return self.status == MeetingStatus.DRAFT

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    def participant_groups(self):
        """Participating organisations grouped by kind (`group_by_kind`). Reads the prefetched
        rows (see `with_programme`), so it costs no query."""
        return group_by_kind(
            self.participations.all(),
            lambda participation: participation.organisation.kind,
            self.present_kinds(),
        )

    def linked_objectives(self):
        """The GCM objectives the meeting relates to, by number: from `with_objectives()` if the
        queryset annotated them (no query), else one query."""
        if hasattr(self, "objectives_json"):
            return linked_objectives(self.objectives_json)
        return [
            LinkedObjective(objective.number, objective.short_label)
            for objective in self.gcm_objectives.order_by("number")
        ]

    def linked_priorities(self):
        """The UNSDCF priorities the meeting serves, newest framework first, then by number:
        from `with_priorities()` if the queryset annotated them (no query), else one query."""
        if hasattr(self, "priorities_json"):
            return linked_priorities(self.priorities_json)
        priorities = self.priorities.order_by("-framework__start_year", "framework", "number")
        return [LinkedPriority(p.pk, p.number, p.title) for p in priorities]

    def present_kinds(self):
        """The kinds recorded as present without names: from `with_kinds_present()` if the
        queryset annotated them, else one query."""
        if hasattr(self, "kinds_present_csv"):
            return kinds_present(self.kinds_present_csv)
        return {row.kind for row in self.kinds_present.all()}

    def attendance_sentence(self):
        return attendance_sentence(self.participant_groups())

    def representative_count(self):
        return representative_count([p.representatives for p in self.participations.all()])
