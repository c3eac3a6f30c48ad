import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    """The members directory's search box and filters."""

    q = django_filters.CharFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(
        choices=Organisation.Kind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    role = django_filters.ChoiceFilter(
        choices=Organisation.Role.choices, label=_("Network role"), empty_label=_("All roles")
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "role"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(acronym__icontains=value) | Q(description__icontains=value)
        )
