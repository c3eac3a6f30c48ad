"""
A person's data request, extended with what the members' area keeps: sign-in links, the
member's preferences (language, announcements unsubscribe), comments on minutes and progress
reports. The meetings app's tools do the rest (answers, invitations, mails, the person record).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from meetings import privacy as meetings_privacy
from members.models import Person
from portal.models import MemberProfile, MinutesComment, ProgressReport, SignInToken

erasure_message = meetings_privacy.erasure_message


def personal_data_for(email):
    people = Person.objects.filter(email__iexact=email.strip())
    return meetings_privacy.personal_data_for(email) | {
        "sign_ins": SignInToken.objects.filter(person__in=people).order_by("created"),
        "profiles": MemberProfile.objects.filter(person__in=people),
        "comments": MinutesComment.objects.filter(person__in=people)
        .select_related("minutes__meeting", "organisation")
        .order_by("created"),
        "reports": ProgressReport.objects.filter(person__in=people)
        .select_related("activity", "organisation")
        .order_by("created"),
    }


def erase_person(email, *, now=None):
    """
    The members' area's records first: sign-in links, preferences and comments are deleted,
    progress reports lose their author (the organisation's report stays), the sign-in account
    is deleted; then everything the meetings app erases.
    """
    found = personal_data_for(email)
    with transaction.atomic():
        sign_ins = found["sign_ins"].delete()[0]
        found["profiles"].delete()
        comments = found["comments"].delete()[0]
        found["reports"].update(person=None)
        ProgressReport.history.filter(person_id__in=[p.pk for p in found["people"]]).update(
            person=None
        )
        get_user_model().objects.filter(member_person__in=found["people"]).delete()
        done = meetings_privacy.erase_person(email, now=now)
    return done | {"sign_ins": sign_ins, "comments": comments}


def _iso(moment):
    return meetings_privacy._iso(moment)


def personal_data_export(email, found):
    return meetings_privacy.personal_data_export(email, found) | {
        "sign_in_links": [
            {"requested": _iso(token.created), "used": _iso(token.used_at)}
            for token in found["sign_ins"]
        ],
        "members_area_preferences": [
            {
                "language": profile.language,
                "unsubscribed_from_announcements": _iso(profile.unsubscribed_at),
            }
            for profile in found["profiles"]
        ],
        "comments_on_minutes": [
            {
                "meeting": comment.minutes.meeting.title,
                "organisation": comment.organisation.name,
                "text": comment.text,
                "written": _iso(comment.created),
            }
            for comment in found["comments"]
        ],
        "progress_reports": [
            {
                "activity": report.activity.title,
                "organisation": report.organisation.name,
                "date": report.date.isoformat(),
                "text": report.text,
                "status": report.status,
                "review": report.review,
            }
            for report in found["reports"]
        ],
    }
