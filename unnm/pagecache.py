"""
The public pages that anonymous partners read, served from the shared cache.

A page is stored only when it is the same for every anonymous visitor: a GET without a session
or pending messages, answered 200 without setting a cookie and without `Vary: Cookie` (a page
with a CSRF token varies on the cookie, so pages with forms are never stored). Every write to
the network's data (members, meetings, frameworks) moves the site's content version, which
makes every stored page stale at once: an edit in the admin shows on the next request. Stored
pages also expire after UNNM_PAGE_CACHE_SECONDS, for what changes with time alone (a meeting
passing from upcoming to past, an RSVP form opening).

Two tiers: the shared cache (the database) holds the version and every stored page, so any app
server can serve what another rendered; each process also keeps recent pages in its own memory
(the "pages" cache), used only when their version is still the shared one. A hit therefore costs
one small query, the version's, whatever the page's size; losing a process loses nothing.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, has_vary_header
from django.utils.http import parse_http_date_safe

VERSION_KEY = "unnm:content-version"
PAGE_KEY = "unnm:page:{}"
BYPASS_COOKIES = {settings.SESSION_COOKIE_NAME, "messages"}
# With the validators (ETag, Last-Modified) a stored page still answers a conditional GET.
STORED_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "ETag",
    "Last-Modified",
    "Access-Control-Allow-Origin",
)


def new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def bump_content_version(using=None, **kwargs):
    """
    Makes every stored page stale (connected to the network's models' write signals). Inside a
    transaction the version moves once, when it commits: an RSVP writes several rows.
    """
    if settings.UNNM_PAGE_CACHE_SECONDS <= 0:
        return
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        new_version()
    elif not any(callback is new_version for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(new_version, using=using)


def page_key(request):
    path = request.get_full_path()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    digest = hashlib.sha256(f"{request.get_host()}|{language}|{path}".encode()).hexdigest()
    return PAGE_KEY.format(digest)


def is_cacheable_request(request):
    return (
        settings.UNNM_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not BYPASS_COOKIES & request.COOKIES.keys()
        and not request.path.startswith(settings.UNNM_PAGE_CACHE_EXCLUDE)
    )


def is_personal(request):
    """
    Whether the response depends on this visitor, judged before the outer middleware act on it:
    a CSRF token (its cookie is set later), a session written, new messages, or a CSP nonce
    used in the page (the header's nonce is made per response). A session that is only read is
    the same empty anonymous session for every visitor without a session cookie.
    """
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.modified)
        or (messages is not None and messages.added_new)
        or getattr(request, "_csp_nonce", None)
    )


def is_storable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        not is_personal(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and "no-store" not in cache_control
        and "private" not in cache_control
    )


def find_stored(key, version):
    """The stored page at the current version: this process's copy, else the shared one."""
    for tier in (caches["pages"], cache):
        stored = tier.get(key)
        if stored and stored["version"] == version:
            if tier is cache:
                caches["pages"].set(key, stored, settings.UNNM_PAGE_CACHE_SECONDS)
            return stored
    return None


def conditional_response(request, response):
    """A stored page that carries validators answers 304 to a client that already has it."""
    if "ETag" not in response and "Last-Modified" not in response:
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            cache.add(VERSION_KEY, version, None)
        stored = find_stored(key, version)
        if stored:
            response = HttpResponse(stored["content"], status=200)
            for name, value in stored["headers"].items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return conditional_response(request, response)
        response = self.get_response(request)
        if is_storable_response(request, response):
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            stored = {"version": version, "content": response.content, "headers": headers}
            cache.set(key, stored, settings.UNNM_PAGE_CACHE_SECONDS)
            caches["pages"].set(key, stored, settings.UNNM_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
