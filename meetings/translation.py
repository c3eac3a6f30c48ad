"""
The meetings' texts staff write in each language, and the editable mail wording
(django-modeltranslation: one column per language beside the original, so reading them costs no
extra query; a missing translation reads in the network's default language).
"""

from modeltranslation.translator import TranslationOptions, register

from meetings.models import ActionPoint, AgendaItem, Document, Meeting, Remark, RSVPSettings
from meetings.models.rsvp_settings import MAIL_WORDING
from unnm.audit import keep_history


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ["title", "summary", "description"]


@register(AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ["title", "description"]


@register(Remark)
class RemarkTranslation(TranslationOptions):
    fields = ["speaker_role", "summary", "full_text"]


@register(ActionPoint)
class ActionPointTranslation(TranslationOptions):
    fields = ["text"]


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ["title"]


@register(RSVPSettings)
class RSVPSettingsTranslation(TranslationOptions):
    fields = list(MAIL_WORDING)


# After the registrations above: the history keeps every language's column.
keep_history(Meeting, AgendaItem, Remark, ActionPoint, Document, RSVPSettings)
