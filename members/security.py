"""The client address that login protection (django-axes) counts failed logins against."""

from django.conf import settings


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
