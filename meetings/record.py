"""
A meeting's record as its public page and printable summary show it: the agenda with its
remarks, the chairs and organiser, the participating organisations, the outcomes and action
points (with those carried over from earlier meetings), the minutes, the documents, the work-plan
activities and the frameworks it serves.

All of it is read in one query of the meeting's row, each list as one JSON array of the columns
shown (`unnm.db.json_rows`), and kept as plain dicts: a page builds no model instance for it, and
its template looks each value up in a dict. Texts are in the active language with
modeltranslation's fallback (`unnm.languages.translated`). A page reads it in the meeting's own
query (`with_record`); the public's is compiled once per language (`unnm.db.CompiledInstances`):
compiling it cost the ORM several times what PostgreSQL spends running it.
"""

import datetime
from functools import cached_property

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frameworks.models import Activity
from meetings.models.attendance import (
    attendance_sentence,
    group_by_kind,
    kinds_present,
    representative_count,
)
from meetings.models.documents import Document
from meetings.models.meeting import Meeting, linked_objectives, linked_priorities, visible_to
from meetings.models.programme import ActionPoint, AgendaItem, Participation, Remark
from meetings.rows import ActionPoints, Participations
from members.models import Person
from unnm.db import Nested, json_rows, rows_of
from unnm.languages import address, translated

# The page lists the most recent open action points of earlier meetings, newest first; one more
# is read to tell that there are more.
CARRIED_OVER_LIMIT = 12


def organisation_columns(relation, prefix="org"):
    """What naming an organisation reads, under `relation`: flat, since a missing one (NULL)
    would be an object of NULLs in a nested JSON object."""
    return {
        f"{prefix}_slug": F(f"{relation}__slug"),
        f"{prefix}_name": translated(f"{relation}__name"),
        f"{prefix}_acronym": F(f"{relation}__acronym"),
        f"{prefix}_kind": F(f"{relation}__kind"),
        f"{prefix}_active": F(f"{relation}__is_active"),
    }


def person_columns(relation):
    return {
        "honorific": F(f"{relation}__honorific"),
        "name": F(f"{relation}__name"),
        "consents": F(f"{relation}__consent_public_listing"),
    }


def action_point_columns():
    return {
        "pk": F("pk"),
        "kind": F("kind"),
        "order": F("order"),
        "text": translated("text"),
        "status": F("status"),
        "due_on": F("due_on"),
        **organisation_columns("responsible"),
    }


def carried_over(user):
    """
    The action points of earlier meetings (that `user` may see) of the outer meeting's kind still
    open when it took place: the most recent CARRIED_OVER_LIMIT + 1, newest first. The same line
    of work: a working group carries over its own points, not the network's.
    """
    earlier = (
        ActionPoint.objects.outstanding_before(
            OuterRef(OuterRef("start")), OuterRef(OuterRef("local_day"))
        )
        .filter(visible_to(user, "meeting__"), meeting__kind=OuterRef(OuterRef("kind")))
        .order_by("-meeting__start", "order", "pk")
        .values("pk")[: CARRIED_OVER_LIMIT + 1]
    )
    rows = json_rows(
        order_by=["-start", "order", "pk"],
        start=F("meeting__start"),
        day=TruncDate("meeting__start"),
        slug=F("meeting__slug"),
        title=translated("meeting__title"),
        **action_point_columns(),
    )
    # One group: every point read is of the outer meeting's kind.
    return Subquery(
        ActionPoint.objects.filter(pk__in=earlier)
        .order_by()
        .values("meeting__kind")
        .annotate(rows=rows)
        .values("rows")
    )


def record_columns(user):
    """The columns of a meeting's record as `user` may see it, as expressions on the meeting."""
    documents = Document.objects.visible_to(user)
    remarks = rows_of(
        Remark.objects.all(),
        json_rows(
            order=F("order"),
            status=F("status"),
            role=translated("speaker_role"),
            summary=translated("summary"),
            full_text=translated("full_text"),
            **person_columns("speaker"),
            **organisation_columns("speaker_organisation"),
        ),
        parent="agenda_item",
    )
    columns = {
        **organisation_columns("organiser", prefix="organiser"),
        "minutes_status": F("minutes__status"),
        "minutes_text": F("minutes__text"),
        "minutes_circulated_on": F("minutes__circulated_on"),
        "minutes_adopted_on": TruncDate("minutes__adopted_at__start"),
        "agenda_rows": rows_of(
            AgendaItem.objects.all(),
            json_rows(
                order_by=["order"],
                order=F("order"),
                start_time=F("start_time"),
                duration=F("duration"),
                title=translated("title"),
                kind=F("kind"),
                description=translated("description"),
                remarks=Nested(remarks),
            ),
        ),
        "chairs_rows": rows_of(
            Meeting.chairs.through.objects.all(),
            json_rows(
                order_by=["name"],
                position=translated("person__position"),
                **person_columns("person"),
                **organisation_columns("person__organisation"),
            ),
        ),
        "participations_rows": rows_of(
            Participation.objects.all(),
            json_rows(
                order_by=["org_kind", "org_name"],
                role=F("role"),
                representatives=F("representatives"),
                **organisation_columns("organisation"),
            ),
        ),
        "points_rows": rows_of(
            ActionPoint.objects.all(),
            json_rows(order_by=["kind", "order", "pk"], **action_point_columns()),
        ),
        "carried_over_rows": carried_over(user),
        "documents_rows": rows_of(
            documents,
            json_rows(
                order_by=["order", "title"],
                pk=F("pk"),
                order=F("order"),
                title=translated("title"),
                kind=F("kind"),
                file=F("file"),
                external_url=F("external_url"),
                visibility=F("visibility"),
            ),
        ),
        "activities_rows": rows_of(
            Meeting.activities.through.objects.filter(activity__is_published=True),
            json_rows(
                order_by=["title"],
                title=translated("activity__title"),
                slug=F("activity__slug"),
                # A synergy: the work of two or more members, a lead and a partner.
                synergy=Exists(
                    Activity.partners.through.objects.filter(activity=OuterRef("activity"))
                ),
                **organisation_columns("activity__lead"),
            ),
        ),
    }
    return columns


def with_record(meetings, user):
    """`meetings` with each one's record as `user` may see it, in their own query
    (`Record(vars(meeting))` reads it)."""
    return (
        meetings.alias(local_day=TruncDate("start"))  # in the current time zone: carried_over()
        .with_kinds_present()
        .with_objectives()
        .with_priorities()
        .annotate(**record_columns(user))
    )


def organisation(row, prefix="org", linked=False):
    """An organisation named in `row` (`organisation_columns`), or None; with the address of its
    page if it is `linked` (`unnm.languages.address`)."""
    slug = row[f"{prefix}_slug"]
    if slug is None:
        return None
    name, acronym = row[f"{prefix}_name"], row[f"{prefix}_acronym"]
    return {
        "name": name,
        "short_name": acronym or name,
        "kind": row[f"{prefix}_kind"],
        "is_active": bool(row[f"{prefix}_active"]),
        "url": linked and address("members:organisation-detail", slug=slug),
    }


def person(row):
    return {
        "consent_public_listing": bool(row["consents"]),
        "display_name": Person.named(row["honorific"], row["name"]),
    }


def credit(person, role, organisation):
    """
    How the page names a speaker or a chair: by name, with their role and their organisation
    (unless the role names it), if they agreed to be named; else by their organisation alone,
    since a role is not a name.
    """
    if person["consent_public_listing"]:
        shown = organisation and role is not None and organisation["short_name"] not in role
        return {
            "name": person["display_name"],
            "role": role,
            "organisation": organisation["short_name"] if shown else "",
        }
    if organisation:
        name = _("A representative of %(organisation)s") % {"organisation": organisation["name"]}
    else:
        name = _("A representative")
    return {"name": name, "role": "", "organisation": ""}


def agenda_meta(item):
    """The line under an agenda item's title: its kind (unless its title says it), its time and
    its length ("" for none)."""
    kind = label(AGENDA_KINDS, item["kind"])
    parts = [kind] if kind != item["title"] else []
    if item["start_time"]:
        parts.append(time_format(datetime.time.fromisoformat(item["start_time"]), "H:i"))
    meta = " · ".join(parts)
    if item["duration"]:
        minutes = item["duration"]
        meta += " · " + ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes) % {
            "minutes": minutes
        }
    return meta


def representatives_note(count):
    if not count:
        return ""
    return ngettext("%(counter)s representative", "%(counter)s representatives", count) % {
        "counter": count
    }


def day(value):
    """A date from a JSON row: ISO text on every database."""
    return value and datetime.date.fromisoformat(value[:10])


# The labels of choices (lazy: in the language active where they are shown).
AGENDA_KINDS = dict(AgendaItem.Kind.choices)
ROLES = dict(Participation.Role.choices)
STATUSES = dict(ActionPoint.Status.choices)
DOCUMENT_KINDS = dict(Document.Kind.choices)


def label(labels, value):
    return str(labels.get(value, value))


class Record:
    """
    A meeting's record as its page shows it, from the columns of `with_record`: lists of dicts,
    with the labels of their choices in the active language.
    """

    def __init__(self, row):
        self.organiser = organisation(row, prefix="organiser", linked=True)
        self.objectives = linked_objectives(row["objectives_json"])
        self.priorities = linked_priorities(row["priorities_json"])
        self.present_kinds = kinds_present(row["kinds_present_csv"])
        self.minutes = row["minutes_status"] and {
            "status": row["minutes_status"],
            "is_adopted": row["minutes_status"] == "adopted",
            "text": row["minutes_text"],
            "circulated_on": row["minutes_circulated_on"],
            "adopted_on": row["minutes_adopted_on"],
        }
        self.agenda = [
            {
                "order": item["order"],
                "title": item["title"],
                "kind": item["kind"],
                "meta": agenda_meta(item),
                "description": item["description"],
                "remarks": [
                    {
                        "speaker": (speaker := person(remark)),
                        "speaker_role": remark["role"],
                        "speaker_organisation": (spoke_for := organisation(remark)),
                        "credit": credit(speaker, remark["role"], spoke_for),
                        "is_published": remark["status"] == Remark.Status.PUBLISHED,
                        "summary": remark["summary"],
                        "full_text": remark["full_text"],
                    }
                    # Nested, so ordered here on every database (json_rows orders the outer).
                    for remark in sorted(item["remarks"] or [], key=lambda remark: remark["order"])
                ],
            }
            for item in row["agenda_rows"]
        ]
        self.chairs = [
            credit(person(chair), chair["position"], organisation(chair))
            for chair in row["chairs_rows"]
        ]
        self.participations = [
            {
                "organisation": organisation(participation, linked=True),
                "role": participation["role"],
                "role_label": label(ROLES, participation["role"]),
                "representatives": participation["representatives"],
                "representatives_note": representatives_note(participation["representatives"]),
            }
            for participation in row["participations_rows"]
        ]
        own = [self.action_point(point) for point in row["points_rows"]]
        self.outcomes = [point for point in own if not point["is_action"]]
        self.actions = ActionPoints(point for point in own if point["is_action"])
        carried = [
            {
                **self.action_point(point),
                "meeting": {
                    "title": point["title"],
                    "day": day(point["day"]),
                    "url": address("meetings:meeting-detail", slug=point["slug"]),
                },
            }
            for point in row["carried_over_rows"]
        ]
        self.carried_over = ActionPoints(carried[:CARRIED_OVER_LIMIT], show_meeting=True)
        self.carried_over_truncated = len(carried) > CARRIED_OVER_LIMIT
        self.documents = [
            {
                "title": document["title"],
                "kind": document["kind"],
                "kind_label": label(DOCUMENT_KINDS, document["kind"]),
                "external_url": document["external_url"],
                "url": (
                    address("meetings:document-download", pk=document["pk"])
                    if document["file"]
                    else document["external_url"]
                ),
                "visibility": document["visibility"],
            }
            for document in row["documents_rows"]
        ]
        self.activities = [
            {
                "title": activity["title"],
                "url": address("frameworks:activity-detail", slug=activity["slug"]),
                "lead": organisation(activity),
                "is_synergy": bool(activity["synergy"]),
            }
            for activity in row["activities_rows"]
        ]

    @staticmethod
    def action_point(point):
        responsible = organisation(point)
        due_on = day(point["due_on"])
        return {
            "text": point["text"],
            "is_action": point["kind"] == ActionPoint.Kind.ACTION,
            "status": point["status"],
            "status_label": label(STATUSES, point["status"]),
            "responsible": responsible,
            "responsible_note": (
                _("Responsible: %(who)s") % {"who": responsible["short_name"]}
                if responsible
                else ""
            ),
            "due_on": due_on,
            "due_note": (
                _("due %(due)s") % {"due": date_format(due_on, "DATE_FORMAT")} if due_on else ""
            ),
            "is_overdue": ActionPoint.overdue(point["kind"], point["status"], due_on),
        }

    @cached_property
    def participant_groups(self):
        groups = group_by_kind(
            self.participations,
            lambda participation: participation["organisation"]["kind"],
            self.present_kinds,
        )
        return [(kind, label, Participations(items)) for kind, label, items in groups]

    @property
    def has_unnamed_participants(self):
        """Whether the record names some participants only by their kind of organisation."""
        return bool(self.present_kinds)

    @cached_property
    def attendance_sentence(self):
        return attendance_sentence(self.participant_groups)

    @cached_property
    def representative_count(self):
        return representative_count([row["representatives"] for row in self.participations])
