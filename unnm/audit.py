"""
The audit trail in the admin: who changed what and when (django-simple-history).

Every audited model keeps `history = HistoricalRecords()` (a model with texts per language is
registered with `keep_history()` in its app's translation.py instead); its admin uses
`AuditedAdmin`, whose
"History" page lists each version with the staff user, the time and the fields that changed.
Records edited only as inlines (a meeting's agenda and remarks, a person's positions) have no
page of their own, so their parent's history page lists their changes too (`history_children`).
"""

from functools import partial

import simple_history
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.module_loading import import_string
from modeltranslation.fields import TranslationField
from modeltranslation.translator import translator
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalRecords
from simple_history.template_utils import HistoricalRecordContextHelper

CHILD_HISTORY_LIMIT = 50


class AuditedAdmin(SimpleHistoryAdmin):
    """A ModelAdmin with a "History" page; `history_children` are (model, parent field) pairs."""

    object_history_template = "admin/audited_object_history.html"
    history_children = ()

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        sections = self.child_history(obj) if obj is not None else []
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}), "child_history": sections}
        )

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's own calls select_related() without field names on a model that has
        # no foreign key, which Django 6.1 deprecates.
        return history_manager.filter(**{pk_name: object_id}).select_related(
            "history_user", *foreign_keys(history_manager.model)
        )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # An old version is shown read-only. simple-history would save a POST here for anyone
        # who may *view* the history (a viewer), bypassing the inlines: refuse every write.
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def child_history(self, obj):
        """The latest versions of the parts edited inline, each with its field changes."""
        sections = []
        for model, parent_field in self.history_children:
            records = list(
                model.history.filter(**{parent_field: obj.pk})
                .select_related("history_user", *foreign_keys(model.history.model))
                .order_by("-history_date", "-history_id")[:CHILD_HISTORY_LIMIT]
            )
            for record in records:
                before = record.prev_record if record.history_type == "~" else None
                if before is not None:
                    delta = record.diff_against(before, foreign_keys_are_objs=True)
                    helper = HistoricalRecordContextHelper(model, record)
                    record.history_delta_changes = helper.context_for_delta_changes(delta)
            sections.append({"opts": model._meta, "records": records})
        return sections


def foreign_keys(history_model):
    return [
        field.name for field in history_model.tracked_fields if isinstance(field, models.ForeignKey)
    ]


class TranslatedHistoricalRecords(HistoricalRecords):
    """
    The history of a model whose texts have a column per language (django-modeltranslation).
    Each language's column is kept as a plain field of the original kind: modeltranslation's own
    field describes itself as the original field, unique constraint included, which a history
    table (many versions of one row) cannot have.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, TranslationField):
                _name, path, args, kwargs = field.deconstruct()
                kwargs.update(
                    unique=False,
                    db_index=field.db_index,
                    null=True,
                    blank=True,
                    verbose_name=field.verbose_name,
                )
                fields[name] = import_string(path)(*args, **kwargs)
        return fields


def keep_history(*audited):
    """
    The audit trail of models with texts per language: called in translation.py, after the
    registration that adds the columns per language, so that the history keeps every language
    (simple-history copies a model's columns when it builds the history model).

    The history keeps the language columns (`title_en`, `title_az`...), not the original column
    (`title`), which modeltranslation fills with whichever language was active at the save. An
    empty translation defaults to "" like the admin's empty input, not NULL, so that a save that
    changes nothing records no change (a unique one stays NULL, see `empty_values` in
    members/translation.py).
    """
    for model in audited:
        options = translator.get_options_for_model(model)
        for columns in options.all_fields.values():
            for column in columns:
                original = column.translated_field
                # A unique text (an organisation's name) keeps NULL: "" in two rows would clash.
                if not original.null and not original.unique and column.empty_strings_allowed:
                    column.default = ""
                    if isinstance(column, models.CharField):
                        # Django's form for a nullable CharField turns an empty input into
                        # None; keep "" like the column's default.
                        column.formfield = partial(type(column).formfield, column, empty_value="")
        simple_history.register(
            model,
            records_class=TranslatedHistoricalRecords,
            excluded_fields=list(options.all_fields),
        )
