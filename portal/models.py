"""
The members' area's own records: sign-in links, a member's preferences (language, announcements),
comments on draft minutes, progress reported on activities, announcements to members.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from frameworks.models import Activity, ActivityStatus, ProgressUpdate
from meetings.models import Minutes
from members.models import Organisation, OrganisationKind, OrganisationRole, Person


def digest(secret):
    """What is stored of a sign-in link's secret: its SHA-256, never the secret itself."""
    return hashlib.sha256(secret.encode()).hexdigest()


class SignInTokenQuerySet(models.QuerySet):
    def usable(self, now=None):
        return self.filter(used_at__isnull=True, expires_at__gt=now or timezone.now())


class SignInToken(models.Model):
    """A sign-in link mailed to a member: it works once, for a few minutes."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="sign_in_tokens", verbose_name=_("person")
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("requested"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    objects = SignInTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")

    def __str__(self):
        return _("Sign-in link for %(person)s") % {"person": self.person}


class MemberProfile(models.Model):
    """A member's own choices: the language of their mail, and whether they take announcements."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="member_profile", verbose_name=_("person")
    )
    language = models.CharField(
        _("language of mail"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed from announcements"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("member's preferences")
        verbose_name_plural = _("members' preferences")

    def __str__(self):
        return str(self.person)


class CommentRound(models.Model):
    """Draft minutes put to the members for comment, until a closing date."""

    minutes = models.OneToOneField(
        Minutes, on_delete=models.CASCADE, related_name="comment_round", verbose_name=_("minutes")
    )
    comments_close_on = models.DateField(
        _("comments close on"), help_text=_("Members may comment until the end of this day.")
    )
    members_mailed_at = models.DateTimeField(_("members mailed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment round")
        verbose_name_plural = _("comment rounds")

    def __str__(self):
        return _("Comments on %(minutes)s") % {"minutes": self.minutes}

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return self.minutes.status == Minutes.Status.CIRCULATED and today <= self.comments_close_on


class MinutesComment(models.Model):
    """A member's comment on circulated draft minutes."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="member_comments", verbose_name=_("minutes")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="minutes_comments",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="minutes_comments",
        verbose_name=_("organisation"),
    )
    text = models.TextField(_("comment"))
    created = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="portal_comment_text_not_empty"),
        ]

    def __str__(self):
        return _("%(person)s on %(minutes)s") % {"person": self.person, "minutes": self.minutes}


class ReportReview(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not published")


class ProgressReport(models.Model):
    """
    Progress on a work-plan activity, as a member organisation reports it. Once published
    (by the secretariat, or at once without review: UNNM_MEMBER_UPDATES_REVIEWED) it becomes the
    activity's `ProgressUpdate` on its public page.
    """

    Review = ReportReview

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="member_reports",
        verbose_name=_("activity"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="progress_reports",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        related_name="progress_reports",
        verbose_name=_("reported by"),
        null=True,
        blank=True,
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    status = models.CharField(
        _("status at that date"), max_length=20, choices=ActivityStatus.choices, blank=True
    )
    review = models.CharField(
        _("review"), max_length=20, choices=ReportReview.choices, default=ReportReview.PENDING
    )
    update = models.OneToOneField(
        ProgressUpdate,
        on_delete=models.SET_NULL,
        related_name="member_report",
        verbose_name=_("published as"),
        null=True,
        blank=True,
        editable=False,
    )
    created = models.DateTimeField(_("reported"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("progress report from a member")
        verbose_name_plural = _("progress reports from members")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="portal_report_text_not_empty"),
            models.CheckConstraint(
                condition=Q(review__in=ReportReview.values), name="portal_report_review_valid"
            ),
        ]

    def __str__(self):
        return f"{self.activity}: {self.date:%d %b %Y}"


class Announcement(models.Model):
    """A message from the secretariat to the members' focal points, sent through the outbox."""

    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"))
    organisation_kind = models.CharField(
        _("to organisations of kind"),
        max_length=30,
        choices=OrganisationKind.choices,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    organisation_role = models.CharField(
        _("to organisations with the network role"),
        max_length=20,
        choices=OrganisationRole.choices,
        blank=True,
        help_text=_("Empty: every role."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0, editable=False)
    created = models.DateTimeField(_("written"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("announcement to members")
        verbose_name_plural = _("announcements to members")

    def __str__(self):
        return self.subject
