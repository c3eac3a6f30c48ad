from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation of an answer")
    CHANGE = "change", _("Answer changed")
    LINK = "link", _("Personal link sent again")
    PROMOTION = "promotion", _("Promoted from the waiting list")
    APPROVAL = "approval", _("Approved / declined by the secretariat")
    CANCELLATION = "cancellation", _("Cancellation")
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")
    ANNOUNCEMENT = "announcement", _("Announcement to members")
    SIGN_IN = "sign_in", _("Sign-in link to the members' area")
    MINUTES = "minutes", _("Draft minutes for comment")


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class MailQuerySet(models.QuerySet):
    def regarding(self, model, ids):
        """The mails about the rows of `model` whose keys are in `ids`."""
        return self.filter(
            regarding_type=ContentType.objects.get_for_model(model), regarding_id__in=ids
        )

    def not_erased(self):
        return self.filter(erased_on__isnull=True)


def mails_regarding(name):
    """
    A record's mails (`OutgoingMail.regarding` it), as a relation of its model, named `name` in
    the mails' queries (`OutgoingMail.objects.filter(rsvp__meeting=…)`): a record deleted takes
    its queued mails with it.
    """
    return GenericRelation(
        "unnm.OutgoingMail",
        content_type_field="regarding_type",
        object_id_field="regarding_id",
        related_query_name=name,
    )


class OutgoingMail(models.Model):
    """
    One mail the application sends, kept in the outbox: to whom, of what kind, about which record
    (an RSVP, an invitation, a person) where it concerns one, and what became of it. Every mail
    goes through here, so sending, retries, failures and "send again" work alike for all.
    """

    Kind = MailKind
    Status = MailStatus

    kind = models.CharField(_("kind"), max_length=30, choices=MailKind.choices)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    regarding_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("about a"),
        null=True,
        blank=True,
    )
    regarding_id = models.PositiveBigIntegerField(_("about record"), null=True, blank=True)
    regarding = GenericForeignKey("regarding_type", "regarding_id")
    # Files sent with the mail, made when it is queued: [{"filename", "mimetype", "content"}].
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    erased_on = models.DateTimeField(
        _("personal data erased"), null=True, blank=True, editable=False
    )

    objects = MailQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [models.Index(fields=["regarding_type", "regarding_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MailStatus.values), name="unnm_outgoingmail_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MailKind.values),
                name="unnm_outgoingmail_kind_valid",
            ),
            models.CheckConstraint(condition=~Q(to=""), name="unnm_outgoingmail_has_recipient"),
            # A mail is about one record or about none: never half of a reference.
            models.CheckConstraint(
                condition=Q(regarding_type__isnull=True, regarding_id__isnull=True)
                | Q(regarding_type__isnull=False, regarding_id__isnull=False),
                name="unnm_outgoingmail_regarding_whole",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"
