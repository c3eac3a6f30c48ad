"""
The secretariat's staff roles, as Django groups.

Each role grants actions per app. A data migration creates the groups; `manage.py sync_roles`
re-applies the same definition after a release adds models (their permissions are granted by
app, so new models of an app are covered once the command or a later migration runs).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALL = ("view", "add", "change", "delete")
VIEW = ("view",)
APPS = ("members", "meetings", "frameworks")

ROLES = {
    "Secretariat editors": dict.fromkeys(APPS, ALL),
    "Meeting managers": {"meetings": ALL, "members": VIEW, "frameworks": VIEW},
    "Viewers": dict.fromkeys(APPS, VIEW),
}

DESCRIPTIONS = {
    "Secretariat editors": _("Everything: members, meetings, RSVPs, frameworks and the work plan."),
    "Meeting managers": _("Meetings, agendas, remarks, documents and RSVPs; reads the rest."),
    "Viewers": _("Reads everything in the admin and changes nothing."),
}


def sync_roles(group_model, permission_model):
    """Create or update each role's group so that it holds exactly its permissions."""
    for name, grants in ROLES.items():
        group, _created = group_model.objects.get_or_create(name=name)
        wanted = Q(pk__in=[])
        for app_label, actions in grants.items():
            codename = Q()
            for action in actions:
                codename |= Q(codename__startswith=f"{action}_")
            wanted |= Q(content_type__app_label=app_label) & codename
        # The audit trail's versions (simple-history's Historical* models, in the same apps)
        # are read by everyone and written by no one: only their view permission is granted.
        history_writes = Q(content_type__model__startswith="historical") & ~Q(
            codename__startswith="view_"
        )
        group.permissions.set(permission_model.objects.filter(wanted).exclude(history_writes))
