import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from frameworks.models import GCMObjective
from meetings.models import Meeting, Participation
from members.models import Organisation


def meeting_years():
    years = Meeting.objects.public().dates("start", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


def meeting_organisations(request):
    return Organisation.objects.filter(
        Q(organised_meetings__isnull=False) | Q(meeting_participations__isnull=False)
    ).distinct()


class MeetingFilter(django_filters.FilterSet):
    """The meetings list's search box and filters."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    year = django_filters.ChoiceFilter(
        field_name="start__year", choices=meeting_years, label=_("Year"), empty_label=_("Any year")
    )
    kind = django_filters.ChoiceFilter(
        choices=Meeting.Kind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    format = django_filters.ChoiceFilter(
        choices=Meeting.Format.choices, label=_("Format"), empty_label=_("Any format")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=meeting_organisations,
        method="with_organisation",
        label=_("Organisation"),
        to_field_name="slug",
        empty_label=_("Any organisation"),
    )
    objective = django_filters.ModelChoiceFilter(
        queryset=GCMObjective.objects.all(),
        method="with_objective",
        label=_("GCM objective"),
        to_field_name="number",
        empty_label=_("Any objective"),
    )

    class Meta:
        model = Meeting
        fields = ["q", "year", "kind", "format", "organisation", "objective"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(description__icontains=value)
            | Q(venue__icontains=value)
        )

    def with_organisation(self, queryset, name, value):
        took_part = Participation.objects.filter(meeting=OuterRef("pk"), organisation=value)
        return queryset.filter(Q(organiser=value) | Q(Exists(took_part)))

    def with_objective(self, queryset, name, value):
        linked = Meeting.gcm_objectives.through.objects.filter(
            meeting=OuterRef("pk"), gcmobjective=value
        )
        return queryset.filter(Exists(linked))
