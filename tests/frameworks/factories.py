import datetime

import factory

from frameworks.models import (
    Activity,
    CooperationFramework,
    GCMObjective,
    JointProgramme,
    ObjectiveLink,
    Outcome,
    Output,
    ProgressUpdate,
    StrategicPriority,
    ThematicArea,
)
from tests.members.factories import OrganisationFactory


def objective(number):
    """One of the 23 built-in GCM objectives (loaded by the data migration)."""
    return GCMObjective.objects.get(number=number)


class CooperationFrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationFramework

    title = factory.Sequence(lambda n: f"Cooperation Framework {n}")
    short_title = "UNSDCF Testland"
    country = "Testland"
    start_year = 2021
    end_year = 2025


class StrategicPriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicPriority

    framework = factory.SubFactory(CooperationFrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Strategic priority {n}")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    priority = factory.SubFactory(StrategicPriorityFactory)
    number = factory.Sequence(lambda n: f"9.{n + 1}")
    short_name = factory.Sequence(lambda n: f"Outcome short name {n}")
    order = factory.Sequence(lambda n: n)


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Output

    outcome = factory.SubFactory(OutcomeFactory)
    number = factory.Sequence(lambda n: f"9.9.{n + 1}")
    title = factory.Sequence(lambda n: f"Output {n}")


class ObjectiveLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObjectiveLink

    outcome = factory.SubFactory(OutcomeFactory)
    objective = factory.LazyFunction(lambda: objective(1))
    strength = ObjectiveLink.Strength.DIRECT
    rationale = "Serves the objective through its results."


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea

    name = factory.Sequence(lambda n: f"Thematic area {n}")


class JointProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointProgramme

    title = factory.Sequence(lambda n: f"Joint programme {n}")
    thematic_area = factory.SubFactory(ThematicAreaFactory)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Work-plan activity {n}")
    description = "Members work on this together."
    lead = factory.SubFactory(OrganisationFactory)
    status = Activity.Status.ONGOING
    start = datetime.date(2025, 1, 1)
    end = datetime.date(2026, 12, 31)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def gcm_objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.gcm_objectives.set(extracted)

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):
        if create and extracted:
            self.outcomes.set(extracted)


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    activity = factory.SubFactory(ActivityFactory)
    date = datetime.date(2025, 6, 1)
    text = "Progress was made."
