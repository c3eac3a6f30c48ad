from django.views.generic import DetailView
from django_filters.views import FilterView

from members.filters import OrganisationFilter
from members.models import Organisation
from unnm.pagecache import depends_on


@depends_on("members")
class OrganisationListView(FilterView):
    """The public members directory, grouped by kind of organisation."""

    filterset_class = OrganisationFilter
    template_name = "members/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 60

    def get_queryset(self):
        return Organisation.objects.active().order_by("kind", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = dict(Organisation.Kind.choices)
        groups = {}
        for organisation in context["organisations"]:
            groups.setdefault(organisation.kind, []).append(organisation)
        context["groups"] = [(labels[kind], members) for kind, members in groups.items()]
        context["is_filtered"] = any(self.request.GET.get(key) for key in ("q", "kind", "role"))
        return context


@depends_on("members")
class OrganisationDetailView(DetailView):
    """A member's public page: what it is, its role, its listed focal points."""

    def get_queryset(self):
        return Organisation.objects.active().with_public_people()
