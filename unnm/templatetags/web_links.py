"""Links to addresses that came from data: only web and mail addresses may become an href."""

from urllib.parse import urlsplit

from django import template

register = template.Library()

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


@register.filter
def web_url(value):
    """
    `value` when a visitor's browser may follow it (http, https, mailto, or a path on this
    site), else "": a `javascript:`, `data:` or `vbscript:` URL in the database (loaded with
    loaddata, a shell or a migration, which skip the admin's validation) never becomes a link.
    urlsplit() reads the scheme as a browser does: leading spaces and control characters
    dropped, tabs and newlines inside ignored ("java\\tscript:" is javascript:).
    """
    url = str(value or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced IPv6 bracket, say
        return ""
    if parts.scheme:
        return url if parts.scheme.lower() in LINK_SCHEMES else ""
    is_site_path = url.startswith("/") and not url.startswith("//") and not parts.netloc
    return url if is_site_path else ""
