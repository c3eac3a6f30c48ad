"""
The secretariat's admin site: its home groups the work as the secretariat thinks of it, and keeps
the technical tables (login attempts, background tasks, built-in reference data) for superusers.

Installed as Django's default admin site through `unnm.apps.SecretariatAdminConfig` (the
documented way to replace `admin.site`), so every app's `@admin.register` lands here.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# (group name, app label): the order of the home page.
GROUPS = [
    (_("Members"), "members"),
    (_("Meetings and answers"), "meetings"),
    (_("Frameworks and work plan"), "frameworks"),
    (_("Mail"), "unnm"),
    (_("Users and roles"), "auth"),
]
# Built-in reference data, loaded by a data migration: not for staff to edit.
REFERENCE_DATA = {"frameworks.GCMObjective", "frameworks.GuidingPrinciple", "frameworks.SDGTarget"}
TECHNICAL = "technical"


class SecretariatAdminSite(admin.AdminSite):
    site_header = _("UN Network on Migration: secretariat")
    site_title = _("UNNM secretariat")
    index_title = _("Secretariat administration")

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        everything = request.user.is_superuser
        if app_label is not None:  # one app's own page: what the home shows of it
            for app in apps:
                app["models"] = [m for m in app["models"] if everything or self.is_work(app, m)]
            return [app for app in apps if app["models"]]
        by_label = {label: (name, []) for name, label in GROUPS}
        technical = []
        for app in apps:
            for model in app["models"]:
                if self.is_work(app, model):
                    by_label[app["app_label"]][1].append(model)
                elif everything:
                    technical.append(model)
        groups = [
            {
                "name": name,
                "app_label": label,
                "app_url": reverse("admin:app_list", kwargs={"app_label": label}),
                "has_module_perms": True,
                "models": models,
            }
            for label, (name, models) in by_label.items()
            if models
        ]
        if technical:
            groups.append(
                {
                    "name": _("Technical (superusers only)"),
                    "app_label": TECHNICAL,
                    "app_url": reverse("admin:index"),
                    "has_module_perms": True,
                    "models": sorted(technical, key=lambda m: str(m["name"])),
                }
            )
        return groups

    @staticmethod
    def is_work(app, model):
        """A table of the secretariat's work (not a technical or reference one)."""
        in_group = any(app["app_label"] == label for _name, label in GROUPS)
        return in_group and model["model"]._meta.label not in REFERENCE_DATA
