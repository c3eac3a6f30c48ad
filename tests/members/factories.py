import factory

from members.models import Organisation, Person, Position


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Member organisation {n}")
    acronym = factory.Sequence(lambda n: f"MO{n}")
    kind = Organisation.Kind.UN_AGENCY
    role = Organisation.Role.MEMBER
    description = "Works on migration governance."


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Focal Point {n}")
    position = "Programme Officer"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+994 12 555 01 01"
    is_focal_point = True


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    title = "Programme Officer"
    organisation = factory.SelfAttribute("person.organisation")
