"""
The members' texts staff write in each language (django-modeltranslation: one column per
language beside the original, so reading them costs no extra query).
"""

from modeltranslation.translator import TranslationOptions, register

from members.models import Organisation, Position


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ["name", "description"]


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ["title"]
