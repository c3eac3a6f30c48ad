"""Progress that members report on the activities their organisation leads or partners in."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from frameworks.models import Activity, ProgressUpdate
from portal.models import ProgressReport


def activities_of(organisation):
    """The work-plan activities an organisation leads or is a partner in."""
    return Activity.objects.filter(Q(lead=organisation) | Q(partners=organisation)).distinct()


def publish(report):
    """A report goes on the activity's public page as a progress update."""
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.update_id is None:
            report.update = ProgressUpdate.objects.create(
                activity_id=report.activity_id,
                date=report.date,
                text=report.text,
                status=report.status,
            )
        report.review = ProgressReport.Review.PUBLISHED
        report.save(update_fields=["update", "review"])
    return report


def decline(report):
    """A report kept off the public page (and taken off it, if it was published)."""
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.update_id is not None:
            ProgressUpdate.objects.filter(pk=report.update_id).delete()
        report.review = ProgressReport.Review.DECLINED
        report.save(update_fields=["review"])
    return report


def submit(report):
    """A member's new report: published at once unless the network reviews them first."""
    with transaction.atomic():
        report.save()
    if not settings.UNNM_MEMBER_UPDATES_REVIEWED:
        report = publish(report)
    return report
