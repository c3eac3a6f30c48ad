"""
The network's languages (settings.LANGUAGES, from UNNM_LANGUAGES; the first is the default):
the language a record's mails are written in, remembered from the page it was answered in.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname


def default_language():
    return settings.LANGUAGE_CODE


def offered_or_default(code):
    """`code` if the network still offers it, else its default language."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def mail_language_field(help_text):
    """The language of a record's mails: a code of settings.LANGUAGES, checked by the forms
    rather than by `choices`, so that changing UNNM_LANGUAGES needs no migration."""
    return models.CharField(
        _("language of mails"), max_length=10, default=default_language, help_text=help_text
    )


def in_every_language(instance, field, into=None):
    """
    A text translated per field (django-modeltranslation), in each of its language columns, keyed
    by the columns of `into` (another translated field) or by its own: to copy it whole, where
    assigning the field would write the active language only.
    """
    return {
        build_localized_fieldname(into or field, code): getattr(
            instance, build_localized_fieldname(field, code)
        )
        for code in AVAILABLE_LANGUAGES
    }
