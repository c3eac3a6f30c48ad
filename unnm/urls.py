from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from unnm.api.v1 import api
from unnm.views import HomeView, PrivacyNoticeView, health

admin.site.site_header = _("UN Network on Migration: secretariat")
admin.site.site_title = _("UNNM secretariat")
admin.site.index_title = _("Secretariat administration")

# Outside the language prefix: the admin (in the member of staff's browser language), the
# load balancer's probe, and files.
urlpatterns = [
    # The open data API keeps one address; its language follows Accept-Language.
    path("api/v1/", api.urls),
    path("admin/report/", include("unnm.report.urls")),
    path("admin/", admin.site.urls),
    # The members' area: sign-in links are mailed with this address (its pages are never cached).
    path("members-area/", include("portal.urls")),
    path("health/", health, name="health"),
]

# Every public page has one address per language (/az/…, /ru/…, /en/…), which partners share
# and the page cache and search engines keep apart. An address without the prefix redirects to
# the visitor's language: the switcher's cookie, else the browser's Accept-Language.
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("members/", include("members.urls")),
    path("meetings/", include("meetings.urls")),
    path("frameworks/", include("frameworks.urls")),
    path("privacy/", PrivacyNoticeView.as_view(), name="privacy"),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
