import re

import pytest
from django.urls import reverse

from frameworks.models import GCMObjective, ObjectiveLink, Outcome
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    OutputFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

MATRIX = reverse("frameworks:matrix")


@pytest.fixture
def framework():
    """A framework of two priorities and three outcomes, with links at outcome and output level."""
    framework = CooperationFrameworkFactory(title="UNSDCF Testland 2021-2025", start_year=2021)
    first = StrategicPriorityFactory(framework=framework, number=1, title="Inclusive growth")
    second = StrategicPriorityFactory(framework=framework, number=2, title="Strong institutions")
    growth = OutcomeFactory(priority=first, number="1.1", short_name="Decent work", order=1)
    services = OutcomeFactory(priority=second, number="2.1", short_name="Services", order=1)
    data = OutcomeFactory(
        priority=second, number="2.2", short_name="Data", statement="By 2025, data...", order=2
    )
    output = OutputFactory(outcome=services, number="2.1.1", title="Registration reaches all")
    ObjectiveLinkFactory(outcome=growth, objective=objective(6))
    ObjectiveLinkFactory(outcome=services, objective=objective(4))
    ObjectiveLinkFactory(outcome=None, output=output, objective=objective(4))
    ObjectiveLinkFactory(outcome=data, objective=objective(1))
    ObjectiveLinkFactory(outcome=data, objective=objective(4))
    return framework


def cell_count(response, kind, pk, number):
    for row in response.context["rows"]:
        if row["kind"] == kind and row["object"].pk == pk:
            return next(c.count for c in row["cells"] if c.objective.number == number)
    raise AssertionError("row not found")


def test_matrix_cell_equals_the_links_behind_it(client, framework):
    response = client.get(MATRIX)

    for row in response.context["rows"]:
        for cell in row["cells"]:
            behind = client.get(cell.url).context["links"]
            assert cell.count == len(behind), (row["object"], cell.objective)
    assert sum(row["total"] for row in response.context["rows"] if row["kind"] == "outcome") == 5


def test_matrix_counts_output_links_in_their_outcome_row(client, framework):
    services = framework.priorities.get(number=2).outcomes.get(number="2.1")

    response = client.get(MATRIX)

    assert cell_count(response, "outcome", services.pk, 4) == 2
    assert cell_count(response, "priority", services.priority.pk, 4) == 3
    assert cell_count(response, "outcome", services.pk, 1) == 0


def test_matrix_ignores_links_of_another_framework(client, framework):
    other = OutcomeFactory(priority__framework__start_year=2016, priority__framework__end_year=2020)
    ObjectiveLinkFactory(outcome=other, objective=objective(6))
    growth = framework.priorities.get(number=1).outcomes.get()

    response = client.get(MATRIX)

    assert response.context["framework"] == framework
    assert cell_count(response, "outcome", growth.pk, 6) == 1
    older = client.get(MATRIX, {"framework": other.priority.framework.pk})
    assert older.context["framework"] == other.priority.framework
    assert cell_count(older, "outcome", other.pk, 6) == 1


def test_matrix_cells_have_colour_number_and_screen_reader_text(client, framework):
    content = client.get(MATRIX).content.decode()

    assert '<table class="matrix">' in content
    assert content.count('<th scope="col" class="matrix-objective">') == 23
    assert re.search(
        r'<td class="heat heat-2">\s*<a href="[^"]+"><span aria-hidden="true">2<', content
    )
    assert "2 links to objective 4, Legal identity and documentation" in content
    assert "1 link to objective 6, Recruitment and decent work" in content
    assert "no link to objective 23" in content


def test_matrix_cells_and_heads_escape_the_objective_labels(client, framework):
    """The cells, column heads and key are built in Python, not by the template: they escape
    as it would."""
    GCMObjective.objects.filter(number=4).update(
        short_label='<script>alert("x")</script> & co', title='Documents "for" <b>all</b>'
    )

    content = client.get(MATRIX).content.decode()

    assert "<script>alert" not in content and "<b>all" not in content
    assert "2 links to objective 4, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in (
        content
    )
    head = content[content.index("<thead") : content.index("</thead>")]
    assert 'title="4. Documents &quot;for&quot; &lt;b&gt;all&lt;/b&gt;"' in head
    assert '<abbr class="matrix-abbr">&lt;scri.</abbr>' in head
    key = content[content.index('<ol class="objective-key">') :]
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</a></li>" in key


def test_matrix_zero_cell_links_nowhere(client, framework):
    growth = framework.priorities.get(number=1).outcomes.get()
    empty_cell = reverse("frameworks:matrix-cell", kwargs={"pk": growth.pk, "number": 23})

    content = client.get(MATRIX).content.decode()

    assert empty_cell not in content


def test_matrix_shows_an_outcome_without_official_wording_by_its_short_name(client, framework):
    content = client.get(MATRIX).content.decode()

    outcomes = Outcome.objects.filter(priority__framework=framework)
    placeholders = [outcome for outcome in outcomes if outcome.is_placeholder]
    assert placeholders and all(outcome.short_name in content for outcome in placeholders)
    assert "placeholder" not in content.lower()
    assert "official wording to be completed" not in content


def test_matrix_column_headers_name_the_objectives(client, framework):
    content = client.get(MATRIX).content.decode()

    head = content[content.index("<thead") : content.index("</thead>")]
    data = GCMObjective.objects.get(number=1)
    drivers = GCMObjective.objects.get(number=2)
    assert f'title="1. {data.title}"' in head
    assert '<abbr class="matrix-abbr">Data</abbr>' in head
    assert '<abbr class="matrix-abbr">Minim.</abbr>' in head
    assert f"Objective 2: {drivers.title}</span>" in head
    assert '<span aria-hidden="true">1</span>' not in head


def test_matrix_without_framework_says_so(client):
    response = client.get(MATRIX)

    assert response.status_code == 200
    assert "No cooperation framework has been entered yet" in response.content.decode()


def test_matrix_unknown_framework_falls_back_to_current(client, framework):
    response = client.get(MATRIX, {"framework": "999999"})

    assert response.context["framework"] == framework


def test_matrix_counts_work_plan_activities_per_objective(client, framework):
    ActivityFactory.create_batch(2, gcm_objectives=[objective(9)])
    ActivityFactory(gcm_objectives=[objective(9)], is_published=False)

    response = client.get(MATRIX)

    by_number = {c.objective.number: c.count for c in response.context["activity_cells"]}
    assert by_number[9] == 2
    assert by_number[10] == 0


def test_cell_page_lists_rationales_and_the_activities_at_the_crossing(client, framework):
    services = framework.priorities.get(number=2).outcomes.get(number="2.1")
    ObjectiveLink.objects.filter(outcome=services).update(rationale="Documents open services.")
    ActivityFactory(title="Mobile registration", gcm_objectives=[objective(4)], outcomes=[services])
    ActivityFactory(title="Unrelated work", gcm_objectives=[objective(4)])

    response = client.get(
        reverse("frameworks:matrix-cell", kwargs={"pk": services.pk, "number": 4})
    )

    content = response.content.decode()
    assert "Documents open services." in content
    assert "Output 2.1.1" in content
    assert "Mobile registration" in content
    assert "Unrelated work" not in content
    assert objective(4).get_absolute_url() in content


def test_cell_page_for_unknown_objective_is_404(client, framework):
    outcome = framework.priorities.get(number=1).outcomes.get()

    response = client.get(
        reverse("frameworks:matrix-cell", kwargs={"pk": outcome.pk, "number": 24})
    )

    assert response.status_code == 404


def grow(framework, n):
    """Adds n outcomes, each with output-level and outcome-level links and activities."""
    priority = StrategicPriorityFactory(framework=framework)
    partner = OrganisationFactory()
    for i in range(n):
        outcome = OutcomeFactory(priority=priority)
        output = OutputFactory(outcome=outcome)
        ObjectiveLinkFactory(outcome=outcome, objective=objective(i % 23 + 1))
        ObjectiveLinkFactory(outcome=None, output=output, objective=objective((i + 5) % 23 + 1))
        ActivityFactory(
            gcm_objectives=[objective(i % 23 + 1)], outcomes=[outcome], partners=[partner]
        )


# Every framework (the one shown and the others' links), the objectives with their coverage,
# the link counts grouped by outcome and objective, the priorities and their outcomes.
MATRIX_QUERIES = 5


def test_matrix_query_count_constant_as_links_grow(client, framework, django_assert_num_queries):
    with django_assert_num_queries(MATRIX_QUERIES):
        client.get(MATRIX)
    grow(framework, 15)

    with django_assert_num_queries(MATRIX_QUERIES):
        response = client.get(MATRIX)

    assert sum(row["total"] for row in response.context["rows"] if row["kind"] == "outcome") == 35
