"""
The secretariat's staff roles, as Django groups.

Each role grants actions per app, plus the named permissions of operations that are not add,
change or delete (seeing drafts, exporting or erasing personal data: each app's `Meta.permissions`).
The groups are brought up to date after every `migrate` (so a release that adds models or
permissions needs no extra step); `manage.py sync_roles` re-applies the same definition by hand.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALL = ("view", "add", "change", "delete")
VIEW = ("view",)
APPS = ("members", "meetings", "frameworks")

# Who sees what the public does not see yet, who may take personal data out or erase it.
PREVIEW = ("meetings.view_draft_meeting", "meetings.view_members_only")
EXPORT = ("meetings.export_personal_data",)
ERASE = ("meetings.erase_personal_data",)
NAMED = PREVIEW + EXPORT + ERASE

ROLES = {
    "Secretariat editors": {
        "apps": dict.fromkeys(APPS, ALL),
        "named": PREVIEW + EXPORT + ERASE,
    },
    "Meeting managers": {
        "apps": {"meetings": ALL, "members": VIEW, "frameworks": VIEW},
        "named": PREVIEW + EXPORT,
    },
    "Viewers": {"apps": dict.fromkeys(APPS, VIEW), "named": PREVIEW},
    # Not staff: the focal points signed in to the members' area (portal/). They see
    # members-only meetings and documents, through the same visible_to() as staff, and nothing
    # of the admin (Django's admin refuses anyone without staff status).
    "Members": {"apps": {}, "named": ("meetings.view_members_only",)},
}
MEMBERS = "Members"

DESCRIPTIONS = {
    "Secretariat editors": _(
        "Everything: members, meetings, RSVPs, frameworks and the work plan; exports and erases "
        "personal data."
    ),
    "Meeting managers": _(
        "Meetings, agendas, remarks, documents and RSVPs; exports personal data; reads the rest."
    ),
    "Viewers": _("Reads everything in the admin and changes nothing; exports no personal data."),
    "Members": _(
        "Focal points signed in to the members' area: see members-only meetings and documents; "
        "no admin."
    ),
}


def _named(permissions):
    wanted = Q(pk__in=[])
    for permission in permissions:
        app_label, codename = permission.split(".")
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    return wanted


def sync_roles(group_model, permission_model):
    """Create or update each role's group so that it holds exactly its permissions."""
    # The audit trail's versions (simple-history's Historical* models, in the same apps) are
    # read by everyone and written by no one: only their view permission is granted.
    history_writes = Q(content_type__model__startswith="historical") & ~Q(
        codename__startswith="view_"
    )
    for name, grants in ROLES.items():
        group, _created = group_model.objects.get_or_create(name=name)
        wanted = _named(grants["named"])
        for app_label, actions in grants["apps"].items():
            codename = Q(pk__in=[])
            for action in actions:
                codename |= Q(codename__startswith=f"{action}_")
            wanted |= Q(content_type__app_label=app_label) & codename & ~_named(NAMED)
        group.permissions.set(permission_model.objects.filter(wanted).exclude(history_writes))


def sync_roles_after_migrate(sender, plan=None, **kwargs):
    """
    post_migrate of `migrate`: permissions of every app first (Django makes them app by app),
    then the groups. `flush` sends the same signal without a plan: a flushed database (a restore
    about to load a backup) stays empty.
    """
    if plan is None:
        return
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"))
    sync_roles(Group, Permission)
