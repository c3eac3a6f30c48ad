"""
The public pages that anonymous partners read, served from the shared cache.

A page is stored only when it is the same for every anonymous visitor: a GET without a session
or pending messages, answered 200 without setting a cookie and without `Vary: Cookie` (a page
with a CSRF token varies on the cookie, so pages with forms are never stored).

A write makes stale only the pages that show what it changed. The shared cache holds a version
per kind of content ("members", "meetings", "frameworks", each moved by any write to that app's
models) and a version per meeting for its answers ("answers:<slug>", moved by its RSVPs and
invitations: its page's seats, counts and named participants). Each view declares the versions
its page depends on (`depends_on`; a view that declares none depends on every kind of content),
and a page is stored with the versions it was rendered with: it is served while they are all
still the current ones. Writes that show on no public page (the outbox, the audit trail,
sign-ins, sessions, task results) move nothing; bulk `update()`s that bypass the signals say
what they touched with `stale()`. Stored pages also expire after UNNM_PAGE_CACHE_SECONDS, for
what changes with time alone (a meeting passing from upcoming to past, an RSVP form opening).

Two tiers: the shared cache (the database, or Redis with UNNM_CACHE_URL) holds the versions and
every stored page, so any app server can serve what another rendered; each process also keeps
recent pages in its own memory (the "pages" cache). A hit costs one round trip to the shared
cache, reading the page's versions together (`get_many`), whatever the page's size; a second
one when this process has no copy of the page yet.

Parts of a page can be stored apart from it (`fragment_key`, and the `{% stored %}` template tag
of `unnm.templatetags.page_fragments`), at fewer versions than the page: a meeting's programme
(everything its page shows but its answers) is stored at the content versions, so a page made
stale by an RSVP renders only its answers again, around the stored programme.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, has_vary_header
from django.utils.http import parse_http_date_safe
from simple_history.models import HistoricalChanges

CONTENT = ("members", "meetings", "frameworks")
VERSION_KEY = "unnm:version:{}"
PAGE_KEY = "unnm:page:{}"
FRAGMENT_KEY = "unnm:fragment:{}"
RENDER_LOCK_KEY = "unnm:rendering:{}"
RENDER_LOCK = 10  # seconds: a render that failed without releasing its lock holds it this long
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


# Declaring what a page shows -------------------------------------------------------------------


def depends_on(*versions):
    """
    Declares the versions a view's page depends on, for a function view or a class-based one
    (its subclasses inherit it). A name may hold the URL's arguments: "answers:{slug}".
    """

    def declare(view):
        view.page_versions = versions
        return view

    return declare


def version_keys(view_func, view_kwargs):
    versions = getattr(view_func, "page_versions", None)
    if versions is None:
        versions = getattr(getattr(view_func, "view_class", None), "page_versions", CONTENT)
    return [VERSION_KEY.format(name.format(**view_kwargs)) for name in versions]


# Moving versions --------------------------------------------------------------------------------


class StaleOnCommit:
    """The versions one transaction makes stale, moved together once it commits."""

    def __init__(self):
        self.names = set()

    def __call__(self):
        move(self.names)


def move(names):
    if names:
        cache.set_many({VERSION_KEY.format(name): uuid.uuid4().hex for name in names}, None)


def stale(*names, using=None):
    """
    Makes stale the stored pages that depend on these versions. Inside a transaction they move
    when it commits, all at once: an RSVP writes several rows.
    """
    if settings.UNNM_PAGE_CACHE_SECONDS <= 0 or not names:
        return
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        move(set(names))
        return
    # One per transaction or savepoint (a savepoint rolled back drops its own).
    savepoints = set(connection.savepoint_ids)
    pending = next(
        (
            call
            for ids, call, _ in connection.run_on_commit
            if isinstance(call, StaleOnCommit) and ids == savepoints
        ),
        None,
    )
    if pending is None:
        pending = StaleOnCommit()
        transaction.on_commit(pending, using=using)
    pending.names.update(names)


def watch(model, versions):
    """
    Moves `versions` (names, or a function of the written row that gives them) on every save and
    delete of `model`, and on every change of its many-to-many relations.
    """

    def changed(sender, instance, using=None, **kwargs):
        if settings.UNNM_PAGE_CACHE_SECONDS > 0 and kwargs.get("action", "post").startswith("post"):
            stale(*(versions(instance) if callable(versions) else versions), using=using)

    label = model._meta.label
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"page-cache-save-{label}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"page-cache-del-{label}")
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        uid = f"page-cache-m2m-{through._meta.label}"
        m2m_changed.connect(changed, sender=through, weak=False, dispatch_uid=uid)


def watch_app(app_config, kind, *, except_=()):
    """Every model of an app moves its kind of content, but its audit trail and `except_`."""
    for model in app_config.get_models():
        if not issubclass(model, HistoricalChanges) and model not in except_:
            watch(model, (kind,))


# Serving ---------------------------------------------------------------------------------------


def request_digest(request, *parts):
    """A digest of the request's host and language with `parts`: what a stored copy is for."""
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return hashlib.sha256("|".join([request.get_host(), language, *parts]).encode()).hexdigest()


def page_key(request):
    return PAGE_KEY.format(request_digest(request, request.get_full_path()))


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


def current_versions(keys):
    """The versions of these keys, starting those that are missing (new, or evicted)."""
    versions = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in versions}
    if missing:
        # add(), not set(): a write moving the version meanwhile must win. A page rendered now
        # is stored under the version started here, which that write then leaves behind.
        for key, version in missing.items():
            if not cache.add(key, version, None):
                version = None  # someone else's: not known here, so this page is not stored
            versions[key] = version
    return versions


def read_tiers(key, is_current=lambda value: True):
    """
    The copy stored under `key` that `is_current` accepts (this process's, else the shared one,
    then kept in this process too) and True; else the first copy found, if any, and False.
    """
    found = None
    for tier in (caches["pages"], cache):
        value = tier.get(key)
        if value is not None and is_current(value):
            if tier is cache:
                caches["pages"].set(key, value, settings.UNNM_PAGE_CACHE_SECONDS)
            return value, True
        found = found or value
    return found, False


def write_tiers(key, value):
    """Stores `value` in the shared cache, for every server, and in this process's copy."""
    for tier in (cache, caches["pages"]):
        tier.set(key, value, settings.UNNM_PAGE_CACHE_SECONDS)


def find_stored(key, versions):
    """
    The stored page rendered at these versions (this process's copy, else the shared one) and
    True; else the copy found rendered at earlier versions, if any, and False.
    """
    return read_tiers(key, lambda stored: stored["versions"] == versions)


def fragment_key(request, name, versions):
    """
    The key under which a part of this request's page is stored, rendered at these versions
    (among those the page depends on), or None when the page is not one the cache may store (the
    page cache is off, or the visitor is signed in). The versions are those the middleware read
    for the page: no round trip.
    """
    _key, page_versions = getattr(request, "_page_cache", (None, None))
    if page_versions is None:
        return None
    current = [page_versions.get(VERSION_KEY.format(version)) for version in versions]
    if None in current:
        return None
    return FRAGMENT_KEY.format(request_digest(request, name, *current))


class Fragment:
    """
    A part of a page that may be stored: its key (None: never stored) and its stored parts. It
    is stored only if its request stayed the same for every anonymous visitor while it was
    rendered (`is_personal`: a CSRF token or a CSP nonce in it would be someone's own).
    """

    def __init__(self, key, parts=None, request=None):
        self.key = key
        self.parts = parts
        self.request = request

    @classmethod
    def of(cls, request, name, versions):
        key = fragment_key(request, name, versions)
        return cls(key, read_tiers(key)[0] if key else None, request)

    @property
    def is_stored(self):
        return self.parts is not None

    def store(self, parts):
        if self.key and not (self.request is not None and is_personal(self.request)):
            write_tiers(self.key, parts)
        self.parts = parts


def conditional_response(request, response):
    """A stored page that carries validators answers 304 to a client that already has it."""
    if "ETag" not in response and "Last-Modified" not in response:
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


class PublicPageCacheMiddleware:
    """
    Serves a stored page once the URL is resolved (its view says which versions it depends on)
    and stores what the view answers, when it is the same for every anonymous visitor.

    One process at a time renders a page made stale (a lock in the shared cache, RENDER_LOCK
    seconds at most): while it does, other visitors get the copy rendered before the write
    ("stale"), at most one render old, rather than every worker rendering the same page at once
    after each RSVP. A page never stored yet is rendered by whoever asks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
            self.store(request, response)
            return response
        finally:
            lock = getattr(request, "_page_render_lock", None)
            if lock:
                cache.delete(lock)

    def store(self, request, response):
        key, versions = getattr(request, "_page_cache", (None, None))
        if key and None not in versions.values() and is_storable_response(request, response):
            headers = {name: response[name] for name in STORED_HEADERS if name in response}
            write_tiers(
                key, {"versions": versions, "content": response.content, "headers": headers}
            )
            response["X-Page-Cache"] = "miss"

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_cacheable_request(request):
            return None
        key = page_key(request)
        versions = current_versions(version_keys(view_func, view_kwargs))
        stored, current = find_stored(key, versions)
        if not current:
            if stored is not None:
                lock = RENDER_LOCK_KEY.format(key)
                if not cache.add(lock, 1, RENDER_LOCK):
                    return stored_response(request, stored, "stale")  # being rendered
                request._page_render_lock = lock
            request._page_cache = (key, versions)
            return None
        return stored_response(request, stored, "hit")


def stored_response(request, stored, state):
    response = HttpResponse(stored["content"], status=200)
    for name, value in stored["headers"].items():
        response[name] = value
    response["X-Page-Cache"] = state
    return conditional_response(request, response)
