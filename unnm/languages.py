"""
The network's languages (settings.LANGUAGES, from UNNM_LANGUAGES; the first is the default):
the language a record's mails are written in, remembered from the page it was answered in.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
