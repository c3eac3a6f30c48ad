import django_filters
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from frameworks.models import GCMObjective
from meetings.models import Meeting, Participation
from members.models import Organisation
from unnm.languages import translated
from unnm.widgets import LongSelect


def meeting_years():
    years = Meeting.objects.public().dates("start", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


def meeting_organisations(request):
    """The organisations that organised or took part in a meeting the visitor may see: a draft
    does not tell the public who is in it."""
    user = request.user if request is not None else AnonymousUser()
    meetings = Meeting.objects.visible_to(user)
    organised = meetings.filter(organiser=OuterRef("pk"))
    took_part = Participation.objects.filter(organisation=OuterRef("pk"), meeting__in=meetings)
    return Organisation.objects.filter(Q(Exists(organised)) | Q(Exists(took_part)))


class OrganisationChoices(ModelChoiceIterator):
    """
    The organisations as (slug, label) rows read as values, by their name in the active
    language (with modeltranslation's fallback, as shown): a network of hundreds of
    organisations costs one light query, not hundreds of instances, each time the list is drawn.
    Choosing one is checked by the field's queryset, as for any model choice.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = (
            self.queryset.annotate(shown_name=translated("name"))
            .order_by("shown_name", "pk")
            .values_list("slug", "shown_name", "acronym")
        )
        for slug, name, acronym in rows:
            yield slug, Organisation.label(name, acronym)


class OrganisationChoiceField(ModelChoiceField):
    iterator = OrganisationChoices
    widget = LongSelect


class OrganisationFilter(django_filters.ModelChoiceFilter):
    field_class = OrganisationChoiceField


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
    organisation = OrganisationFilter(
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
