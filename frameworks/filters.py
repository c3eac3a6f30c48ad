import django_filters
from django.utils.translation import gettext_lazy as _

from frameworks.models import Activity, GCMObjective, StrategicPriority
from members.models import Organisation


class ActivityFilter(django_filters.FilterSet):
    """The work plan's filters: status, lead organisation, GCM objective, UNSDCF priority."""

    status = django_filters.ChoiceFilter(
        choices=Activity.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    lead = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.filter(led_activities__is_published=True)
        .distinct()
        .order_by("name"),
        label=_("Lead organisation"),
        empty_label=_("Any organisation"),
    )
    objective = django_filters.ModelChoiceFilter(
        field_name="gcm_objectives",
        queryset=GCMObjective.objects.all(),
        to_field_name="number",
        label=_("GCM objective"),
        empty_label=_("Any objective"),
    )
    priority = django_filters.ModelChoiceFilter(
        queryset=StrategicPriority.objects.all(),
        method="in_priority",
        label=_("UNSDCF priority"),
        empty_label=_("Any priority"),
    )
    synergy = django_filters.ChoiceFilter(
        choices=[("yes", _("Synergies only (two or more members)"))],
        method="synergies",
        label=_("Synergy"),
        empty_label=_("All activities"),
    )

    class Meta:
        model = Activity
        fields = ["status", "lead", "objective", "priority", "synergy"]

    def in_priority(self, queryset, name, value):
        return queryset.in_priority(value)

    def synergies(self, queryset, name, value):
        return queryset.synergies() if value == "yes" else queryset
