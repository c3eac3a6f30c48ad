import datetime

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from unnm.languages import in_every_language
from unnm.validators import validate_image_size


class OrganisationKind(models.TextChoices):
    UN_AGENCY = "un_agency", _("UN agency")
    DIPLOMATIC_MISSION = "diplomatic_mission", _("Diplomatic mission")
    GOVERNMENT = "government", _("Government authority")
    NGO = "ngo", _("NGO / civil society")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL = "international", _("International organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    OTHER = "other", _("Other")


class OrganisationRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator / secretariat")
    CO_CHAIR = "co_chair", _("Co-chair")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_public_people(self):
        """Prefetch the focal points (no other people) who agreed to be listed, for public pages."""
        return self.prefetch_related(
            Prefetch(
                "people",
                queryset=Person.objects.publicly_listed()
                .filter(is_focal_point=True)
                .prefetch_related("positions")
                .order_by("name"),
                to_attr="public_people",
            )
        )


class Organisation(models.Model):
    """A member of the network: a UN agency, mission, authority, NGO, university..."""

    Kind = OrganisationKind
    Role = OrganisationRole

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("For a diplomatic mission: the state it represents."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("A short public description.")
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg", "webp"]),
            validate_image_size,
        ],
        help_text=_("PNG, JPEG or WebP, at most 2 MB."),
    )
    role = models.CharField(
        _("network role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("Invented for the demonstration.")
    )

    objects = OrganisationQuerySet.as_manager()
    # history: keep_history() in members/translation.py, after its columns per language

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""), name="members_organisation_name_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="members_organisation_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(role__in=OrganisationRole.values),
                name="members_organisation_role_valid",
            ),
        ]

    def __str__(self):
        return self.label(self.name, self.acronym)

    def save(self, *args, **kwargs):
        if not self.slug:
            # From the default language's name, whatever language the editor works in.
            with translation.override(settings.LANGUAGE_CODE):
                name = self.name
            self.slug = slugify(self.acronym and f"{self.acronym}-{name}" or name)[:220]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation-detail", kwargs={"slug": self.slug})

    @staticmethod
    def label(name, acronym):
        """How a list of organisations names one: its name, and its acronym if it has one."""
        return f"{name} ({acronym})" if acronym else name

    @property
    def short_name(self):
        return self.acronym or self.name

    @property
    def initials(self):
        """What stands in for a missing logo: the acronym, or the name's initials."""
        if self.acronym:
            return self.acronym[:6]
        skip = {"of", "the", "for", "and", "in", "on", "to", "de", "la"}
        words = [word for word in self.name.replace("-", " ").split() if word.lower() not in skip]
        return "".join(word[0] for word in words[:4]).upper()


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def publicly_listed(self):
        """People who consented to be named on public pages."""
        return self.filter(is_active=True, consent_public_listing=True)

    def member_users(self):
        """
        Who may sign in to the members' area: people staff let in (`is_member_user`), still
        active, with an address, of an active member organisation. Leaving the organisation or
        being deactivated takes a person out of this at once.
        """
        return self.filter(
            is_member_user=True, is_active=True, organisation__is_active=True
        ).exclude(email="")


class Person(models.Model):
    """A focal point or speaker. Contact details are for the secretariat only."""

    class Honorific(models.TextChoices):
        MR = "Mr.", _("Mr.")
        MS = "Ms.", _("Ms.")
        MRS = "Mrs.", _("Mrs.")
        DR = "Dr.", _("Dr.")
        PROF = "Prof.", _("Prof.")
        HE = "H.E.", _("H.E.")

    honorific = models.CharField(
        _("honorific"), max_length=10, choices=Honorific.choices, blank=True
    )
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position / title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown publicly."))
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("Never shown publicly.")
    )
    is_focal_point = models.BooleanField(_("focal point"), default=False)
    consent_public_listing = models.BooleanField(
        _("consents to be listed publicly"),
        default=False,
        help_text=_("Only people who agreed are named on public pages."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    is_member_user = models.BooleanField(
        _("may sign in to the members' area"),
        default=False,
        help_text=_(
            "Signs in with a link mailed to their address. Ticked for a new focal point; "
            "untick to end their access at once."
        ),
    )
    # The sign-in account of the members' area, made at the first sign-in (no password).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name="member_person",
        verbose_name=_("members' area account"),
        null=True,
        blank=True,
        editable=False,
    )

    objects = PersonQuerySet.as_manager()
    # history: keep_history() in members/translation.py, after its columns per language

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="members_person_name_not_empty"),
            models.UniqueConstraint(
                fields=["name", "organisation"], name="members_person_unique_name_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.position}" if self.position else self.name

    def save(self, *args, **kwargs):
        # A new focal point may sign in to the members' area unless staff untick it later.
        if self._state.adding and self.is_focal_point:
            self.is_member_user = True
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return self.named(self.honorific, self.name)

    @staticmethod
    def named(honorific, name):
        """How a page names a person: "Dr. Name", or the name alone."""
        return f"{honorific} {name}".strip()

    def latest_position(self):
        """The most recent post on record (prefetched `positions`), or None."""
        held = sorted(
            self.positions.all(),
            key=lambda p: p.ended or p.as_of or p.started or datetime.date.max,
            reverse=True,
        )
        return held[0] if held else None

    def position_on(self, day):
        """The title this person held on a given day ("then UN Resident Coordinator")."""
        held = (
            self.positions.filter(Q(started__isnull=True) | Q(started__lte=day))
            .filter(Q(ended__isnull=True) | Q(ended__gte=day))
            .select_related("organisation")
            .order_by("-started")
            .first()
        )
        if held:
            return held
        # No post on record: the person's own position, in every language it is written in.
        return Position(
            person=self,
            organisation=self.organisation,
            **in_every_language(self, "position", into="title"),
        )


class Position(models.Model):
    """A post a person held for a time, so old records keep the title of their day."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
    )
    started = models.DateField(_("from"), null=True, blank=True)
    ended = models.DateField(_("until"), null=True, blank=True)
    as_of = models.DateField(
        _("known in this post on"),
        null=True,
        blank=True,
        help_text=_(
            "For a post taken from a dated record whose end is unknown: the record's date. "
            'The post then reads "as of" that date, never as current.'
        ),
    )

    # history: keep_history() in members/translation.py, after its columns per language

    class Meta:
        ordering = ["person", "-started"]
        verbose_name = _("position held")
        verbose_name_plural = _("positions held")
        constraints = [
            models.CheckConstraint(
                condition=Q(started__isnull=True)
                | Q(ended__isnull=True)
                | Q(ended__gte=models.F("started")),
                name="members_position_ends_after_start",
            ),
        ]

    def __str__(self):
        if self.organisation_id:
            return f"{self.title}, {self.organisation.short_name}"
        return self.title

    @property
    def is_current(self):
        """Held today as far as the network knows: not ended, and not only seen on a past date."""
        return self.ended is None and self.as_of is None

    def period(self):
        """When the post was held, as a reader needs it: "as of 31 May 2021", "2019-2022"."""
        if self.ended:
            if self.started:
                return _("%(start)s to %(end)s") % {
                    "start": date_format(self.started, "DATE_FORMAT"),
                    "end": date_format(self.ended, "DATE_FORMAT"),
                }
            return _("until %(date)s") % {"date": date_format(self.ended, "DATE_FORMAT")}
        if self.as_of:
            return _("as of %(date)s") % {"date": date_format(self.as_of, "DATE_FORMAT")}
        if self.started:
            return _("since %(date)s") % {"date": date_format(self.started, "DATE_FORMAT")}
        return ""
