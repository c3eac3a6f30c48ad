"""
The network's languages (settings.LANGUAGES, from UNNM_LANGUAGES; the first is the default):
the language a record's mails are written in, remembered from the page it was answered in.
"""

import functools

from babel import UnknownLocaleError
from babel.dates import get_timezone_location
from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order


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


def language_columns(field, languages=AVAILABLE_LANGUAGES):
    """The columns of a field translated per field (django-modeltranslation), one per language
    in `languages` and in that order: `title_en`, `title_az`, `title_ru`."""
    return [build_localized_fieldname(field, code) for code in languages]


def translated(field, otherwise=None):
    """
    A field translated per field, as an SQL expression: its value in the active language, else
    in the next of modeltranslation's fallback order that is not empty, else `otherwise` ("").
    `field` may follow relations: `organisation__name`. For rows read as values, not instances.
    """
    columns = language_columns(field, resolution_order(get_language()))
    return Coalesce(
        *(NullIf(F(column), Value("")) for column in columns),
        Value("") if otherwise is None else otherwise,
        output_field=models.TextField(),
    )


def address(viewname, **kwargs):
    """
    `reverse(viewname, kwargs=kwargs)`: the address of a page in the active language, reversed
    once per process, language, script prefix and arguments. A meeting's page links dozens of
    organisations and meetings, and reversing their addresses cost more than the rest of their
    rows. The URLconf does not change while a process runs.
    """
    return _address(
        translation.get_language(),
        get_script_prefix(),
        get_urlconf(),
        viewname,
        tuple(sorted(kwargs.items())),
    )


@functools.lru_cache(maxsize=4096)
def _address(language, script_prefix, urlconf, viewname, kwargs):
    return reverse(viewname, kwargs=dict(kwargs))


def zone_city():
    """
    The city that names the current time zone in the active language, as the Unicode CLDR
    writes it: "Baku", "Bakı", "Баку". Pages and mails say "10:00 (Baku time)"; a zone's key
    such as "Asia/Baku" is not a word of any of the network's languages.
    """
    zone = timezone.get_current_timezone()
    return _zone_city(getattr(zone, "key", str(zone)), to_locale(get_language()))


@functools.lru_cache(maxsize=64)
def _zone_city(key, locale):
    try:
        return get_timezone_location(key, locale=locale, return_city=True)
    except (LookupError, ValueError, UnknownLocaleError):  # unknown to CLDR: the key's own words
        return key.rsplit("/", 1)[-1].replace("_", " ")


def in_every_language(instance, field, into=None):
    """
    A text translated per field (django-modeltranslation), in each of its language columns, keyed
    by the columns of `into` (another translated field) or by its own: to copy it whole, where
    assigning the field would write the active language only.
    """
    return {
        column: getattr(instance, own)
        for column, own in zip(
            language_columns(into or field), language_columns(field), strict=True
        )
    }
