from django.http import HttpResponse
from django.urls import path

from unnm.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The ceiling: a Django view that does no work, through the same middleware and server."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
