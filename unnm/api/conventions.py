"""
What every endpoint of the open data API shares: its JSON, its errors, its pages, and the
conditional GET that lets a client polling daily download nothing when nothing changed.
"""

import json
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase
from ninja.renderers import JSONRenderer

# The apps whose public data the API serves; their audit history dates every change.
CONTENT_APPS = ("members", "meetings", "frameworks")
# Histories of what the API never shows (answers to invitations): their changes move nothing.
PRIVATE_HISTORIES = {"historicalrsvp", "historicalinvitation", "historicalrsvpsettings"}
# Characters that could end a <script> element if a page ever embeds the JSON (as json_script).
HTML_ESCAPES = {"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"}
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 200


def escaped(text):
    """`text` (JSON) with <, > and & escaped: what a client parses is the same, no markup
    survives. One `replace` per character: `str.translate` with a mapping costs 40 times more
    on a page of 50 meetings."""
    for character, escape in HTML_ESCAPES.items():
        text = text.replace(character, escape)
    return text


class Renderer(JSONRenderer):
    """JSON with <, > and & escaped (`escaped`)."""

    def render(self, request, data, *, response_status):
        return escaped(json.dumps(data, cls=self.encoder_class, ensure_ascii=False))


def bad_request(errors):
    """A 400 whose message says which parameter was refused, and why."""
    raise HttpError(400, _("Invalid parameters: %(errors)s") % {"errors": describe(errors)})


def describe(errors):
    if hasattr(errors, "items"):  # a form's errors: {"year": ["Select a valid choice..."]}
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    parts = []
    for error in errors:  # pydantic's: [{"loc": ("query", "page"), "msg": "..."}]
        name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        parts.append(f"{name}: {error.get('msg', '')}")
    return "; ".join(parts)


def filtered(filterset_class, request, queryset):
    """The public page's own filters (django-filter) on the API's query string; 400 if refused."""
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    if not filterset.is_valid():
        bad_request(filterset.errors)
    return filterset.qs


class PageNumber(PaginationBase):
    """`?page=2&page_size=50`: numbered pages, a count, and the links to the pages around."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
        page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")

    class Output(Schema):
        count: int
        page: int
        pages: int
        next: str | None
        previous: str | None
        results: list

    items_attribute = "results"

    def paginate_queryset(self, queryset, pagination, request, **params):
        page, size = pagination.page, pagination.page_size
        count = queryset.count()
        pages = max(1, -(-count // size))
        offset = (page - 1) * size
        items = list(queryset[offset : offset + size]) if offset < count else []
        return {
            "count": count,
            "page": page,
            "pages": pages,
            "next": page_link(request, page + 1, size) if page < pages else None,
            "previous": page_link(request, page - 1, size) if 1 < page <= pages else None,
            "results": items,
        }


class Serialized:
    """A queryset seen through the function that turns each record into its JSON: a page of it
    costs the page's queries only."""

    def __init__(self, queryset, function):
        self.queryset, self.function = queryset, function

    def count(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return [self.function(item) for item in self.queryset[window]]


def page_link(request, page, size):
    query = request.GET.copy()
    query["page"] = page
    query["page_size"] = size
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def last_change():
    """
    When the network's public data last changed: the latest entry of its audit history, which
    records every save and delete (one query, whatever the number of tables).
    """
    tables = [
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model._meta.model_name.startswith("historical")
        and model._meta.model_name not in PRIVATE_HISTORIES
    ]
    if not tables:
        return None
    quote = connection.ops.quote_name
    union = " UNION ALL ".join(
        f"SELECT MAX(history_date) AS changed FROM {quote(t)}" for t in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(changed) FROM ({union}) AS changes")  # noqa: S608
        (changed,) = cursor.fetchone()
    if isinstance(changed, str):  # SQLite returns the stored text
        changed = parse_datetime(changed)
    return changed


def conditional(view):
    """
    ETag (the body's digest) and Last-Modified (the data's last change) on every 200, and 304
    when the client's If-None-Match or If-Modified-Since shows it already has this version.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        changed = last_change()
        if changed is not None:
            response.headers["Last-Modified"] = http_date(changed.timestamp())
        set_response_etag(response)
        # Public data: any site may read it from a browser (no cookie is ever sent with it).
        response.headers["Access-Control-Allow-Origin"] = "*"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=int(changed.timestamp()) if changed is not None else None,
            response=response,
        )

    return wrapper


def in_requested_language(view):
    """
    The answer in the language asked for: `?lang=az` when given (one of the network's
    languages, else 400), otherwise the one LocaleMiddleware chose from Accept-Language or the
    language cookie. Staff-written texts read that language's columns, falling back to the
    default language's; `Content-Language` says which it is.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request.GET.get("lang")
        if language is None:
            language = translation.get_language()
        elif language not in dict(settings.LANGUAGES):
            return unknown_language()
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        return response

    return wrapper


def unknown_language():
    # The value itself is not repeated: it may be anything a client sent.
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    message = _("Invalid parameters: %(errors)s") % {
        "errors": _("lang: not one of the network's languages (%(codes)s)") % {"codes": codes}
    }
    body = escaped(json.dumps({"detail": message}, ensure_ascii=False))
    return HttpResponse(body, status=400, content_type="application/json; charset=utf-8")
