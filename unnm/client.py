"""
Who is asking: the client's address behind the site's proxies, and rate limits counted by it
(login protection, django-axes, counts failed logins against the same address).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache


def client_ip(request):
    """The address of the person logging in, as seen by the first proxy in front of the site.

    With no proxy in front (DJANGO_TRUSTED_PROXY_COUNT=0) it is the socket's address. Behind N
    proxies that each append to X-Forwarded-For, it is the N-th entry from the right: the
    entries further left came from the client and could be forged to dodge a lockout.
    """
    count = settings.UNNM_TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def rate_limited(request, scope, *, limit, window, key=None):
    """
    Count one request of `scope` (say "rsvp") from the client's address (or of `key`, say a
    hash of the email address asked for, whichever client asks); True once it is over
    `limit` in the current `window` seconds. The counters live in their own cache
    ("ratelimit"), shared by every app server and never culled by stored pages; each expires
    with its window. Redis counts atomically (`INCR`). The database cache has no atomic `incr`
    (Django's fallback reads, adds and writes back with the default time-out, which would move
    the window's end), so there the count is read and written with the window's expiry, and a
    burst of simultaneous requests may pass a few over the limit.
    """
    counters = caches["ratelimit"]
    now = int(time.time())
    key = f"rate:{scope}:{client_ip(request) if key is None else key}:{now // window}"
    expires = window - now % window
    if type(counters).incr is BaseCache.incr:
        count = counters.get(key, 0) + 1
        counters.set(key, count, expires)
    elif counters.add(key, 1, expires):
        count = 1
    else:
        try:
            count = counters.incr(key)
        except ValueError:  # the window ended between the two calls
            count = 1
    return count > limit
