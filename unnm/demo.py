"""
The demo network: each app keeps its demo data in its own `demo` module with a `load()` function,
and `manage.py load_demo` runs them in dependency order. The helpers here make loading again write
nothing, so it adds no audit-trail rows and changes no `modified` time.
"""

import importlib

from django.db import transaction
from django.utils import translation

# Members first: the frameworks' work plan refers to organisations, meetings to both.
DEMO_APPS = ["members", "frameworks", "meetings"]


def load_all(report=None):
    """Run every app's demo loader in one transaction; `report(app)` is told each one done."""
    # The demo's plain texts are English: `title` writes the English column (`title_en`), the
    # other languages are named (`title_az`, `title_ru`).
    with transaction.atomic(), translation.override("en"):
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            module.load()
            if report is not None:
                report(app)


def upsert(model, defaults=None, **lookup):
    """
    update_or_create that saves only what changed: loading the demo again writes nothing, so it
    adds no audit-trail entries and leaves every `modified` time as it was.
    """
    defaults = defaults or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **defaults), True
    changed = {
        name: value for name, value in defaults.items() if not same_value(instance, name, value)
    }
    if changed:
        for name, value in changed.items():
            setattr(instance, name, value)
        instance.save()
    return instance, False


def same_value(instance, name, value):
    """Whether a field already holds the value (compared as the field stores it)."""
    field = instance._meta.get_field(name)
    current = getattr(instance, name)
    if field.is_relation:
        return getattr(current, "pk", current) == getattr(value, "pk", value)
    return current == field.to_python(value)
