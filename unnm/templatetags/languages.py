"""The same page in each of the network's languages (the switcher's links and hreflang), and
the words of the time zone in the page's language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from unnm import languages

register = template.Library()


@register.simple_tag
def zone_city():
    """`{% zone_city as zone %}`: the city naming the current time zone, in the page's language
    (`unnm.languages.zone_city`)."""
    return languages.zone_city()


def unprefixed(path, language):
    """The path without its language prefix: it redirects by the visitor's language."""
    prefix = f"/{language}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else path


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """
    One entry per language of the network: its code, its name in its own language, the address
    of this page in it (from the current resolver match, so query strings such as a filter stay),
    and whether it is the page's language. Pages that resolve to no view (a 404) offer each
    language's home page. Each entry's `url` is absolute (what hreflang asks for).
    """
    request = context.get("request")
    if request is None:
        return {"languages": [], "default_url": ""}
    current = get_language()
    resolved = getattr(request, "resolver_match", None) is not None
    languages = []
    for code, name in settings.LANGUAGES:
        path = translate_url(request.get_full_path(), code) if resolved else f"/{code}/"
        languages.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(path),
                "path": path,
                "is_current": code == current,
            }
        )
    page = request.get_full_path() if resolved else f"/{current}/"
    return {
        "languages": languages,
        "default_url": request.build_absolute_uri(unprefixed(page, current)),
    }
