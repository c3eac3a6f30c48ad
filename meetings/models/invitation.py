"""Personal invitations to a meeting: to a person, or to an organisation through its focal point."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models.rsvp import PersonalLink
from unnm.languages import mail_language_field
from unnm.models import mails_regarding


class InvitationKind(models.TextChoices):
    PERSON = "person", _("A person")
    ORGANISATION = "organisation", _("An organisation (its focal point names the delegates)")


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("No answer yet")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


class InvitationQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(status=InvitationStatus.SENT)


class Invitation(PersonalLink, models.Model):
    """A personal invitation to a meeting, mailed to one address and usable only by it."""

    Kind = InvitationKind
    Status = InvitationStatus
    link_salt = "meetings.invitation"

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("meeting"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=InvitationKind.choices, default=InvitationKind.PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.SET_NULL,
        related_name="invitations",
        verbose_name=_("person"),
        null=True,
        blank=True,
    )
    mail_language = mail_language_field(
        _(
            "The invitation and its reminders are written in it; answering the invitation's "
            "page in another language switches to that one."
        )
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.SENT
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    created = models.DateTimeField(_("invited"), auto_now_add=True)
    erased_on = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    mails = mails_regarding("invitation")

    objects = InvitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                "meeting", Lower("email"), name="meetings_invitation_one_per_email_and_meeting"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InvitationKind.values), name="meetings_invitation_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=InvitationStatus.values),
                name="meetings_invitation_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.meeting.title}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:rsvp-invitation", kwargs={"token": self.token})

    @property
    def is_for_organisation(self):
        return self.kind == InvitationKind.ORGANISATION
