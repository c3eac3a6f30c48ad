from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _

# Apps whose data the public pages show: a write to any of their models makes stored pages stale.
CONTENT_APPS = ("members", "meetings", "frameworks")


class UnnmConfig(AppConfig):
    """The site-wide parts: page cache, outbox, staff roles, client address, audit base."""

    name = "unnm"
    verbose_name = _("Site")

    def ready(self):
        from unnm.pagecache import bump_content_version
        from unnm.roles import sync_roles_after_migrate

        for label in CONTENT_APPS:
            for model in self.apps.get_app_config(label).get_models():
                for name, signal in (("save", post_save), ("delete", post_delete)):
                    signal.connect(
                        bump_content_version,
                        sender=model,
                        dispatch_uid=f"page-cache-{name}-{model._meta.label}",
                    )
                for field in model._meta.local_many_to_many:
                    m2m_changed.connect(
                        bump_content_version,
                        sender=field.remote_field.through,
                        dispatch_uid=f"page-cache-m2m-{field.remote_field.through._meta.label}",
                    )
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="unnm-roles")


class SecretariatAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the secretariat's site (unnm.admin_site) as `admin.site`."""

    default = False  # UnnmConfig stays this module's config for the "unnm" entry

    default_site = "unnm.admin_site.SecretariatAdminSite"
