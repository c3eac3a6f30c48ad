from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from unnm.views import HomeView, PrivacyNoticeView, health

admin.site.site_header = _("UN Network on Migration: secretariat")
admin.site.site_title = _("UNNM secretariat")
admin.site.index_title = _("Secretariat administration")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("members/", include("members.urls")),
    path("meetings/", include("meetings.urls")),
    path("frameworks/", include("frameworks.urls")),
    path("members-area/", include("portal.urls")),
    path("admin/", admin.site.urls),
    path("privacy/", PrivacyNoticeView.as_view(), name="privacy"),
    path("health/", health, name="health"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
