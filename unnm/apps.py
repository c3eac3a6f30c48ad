from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class UnnmConfig(AppConfig):
    """The site-wide parts: page cache, outbox, staff roles, client address, audit base."""

    name = "unnm"
    verbose_name = _("Site")

    def ready(self):
        from unnm.roles import sync_roles_after_migrate

        # The outbox and the cache's own tables show on no public page: they move no version.
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="unnm-roles")


class SecretariatAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the secretariat's site (unnm.admin_site) as `admin.site`."""

    default = False  # UnnmConfig stays this module's config for the "unnm" entry

    default_site = "unnm.admin_site.SecretariatAdminSite"
