"""
The members' texts staff write in each language (django-modeltranslation: one column per
language beside the original, so reading them costs no extra query).
"""

from modeltranslation.translator import TranslationOptions, register

from members.models import Organisation, Person, Position
from unnm.audit import keep_history


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ["name", "description"]
    # Names are unique in each language: an empty translation is NULL (never two "").
    empty_values = {"name": None}


@register(Person)
class PersonTranslation(TranslationOptions):
    # Shown on the public pages beside a consenting person's name (a meeting's chairs).
    fields = ["position"]


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ["title"]


# After the registrations above: the history keeps every language's column.
keep_history(Organisation, Person, Position)
