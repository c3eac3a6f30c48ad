from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The members' area: focal points of member organisations signed in with a mailed link."""

    name = "portal"
    verbose_name = _("Members' area")
