"""System checks of the meetings app's settings."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_media_is_not_served(app_configs, **kwargs):
    """Meeting documents must not sit where a web server or WhiteNoise serves files."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        served = Path(getattr(settings, name)).resolve()
        if private == served or served in private.parents or private in served.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) overlaps {name} ({served}), whose files are "
                    "served to anyone.",
                    hint="Set DJANGO_PRIVATE_MEDIA_ROOT to a folder of its own.",
                    id="meetings.E001",
                )
            )
    return errors
