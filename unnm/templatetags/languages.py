"""The same page in each of the network's languages (the switcher's links and hreflang), and
the words of the time zone in the page's language."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, translate_url
from django.utils.encoding import iri_to_uri
from django.utils.translation import get_language, override

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


def translated_path(request, match, code):
    """
    The request's path and query string in the language `code`: `translate_url`, from the
    request's own resolver match rather than resolving its path again for each language, the
    address reversed once per language and arguments (`unnm.languages.address`).
    """
    if match.args or not match.url_name:
        return translate_url(request.get_full_path(), code)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            path = languages.address(name, **match.kwargs)
        except NoReverseMatch:
            return request.get_full_path()
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{iri_to_uri(query)}" if query else path


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
    match = getattr(request, "resolver_match", None)
    languages = []
    for code, name in settings.LANGUAGES:
        path = translated_path(request, match, code) if match is not None else f"/{code}/"
        languages.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(path),
                "path": path,
                "is_current": code == current,
            }
        )
    page = request.get_full_path() if match is not None else f"/{current}/"
    return {
        "languages": languages,
        "default_url": request.build_absolute_uri(unprefixed(page, current)),
    }
