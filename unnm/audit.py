"""
The audit trail in the admin: who changed what and when (django-simple-history).

Every audited model keeps `history = HistoricalRecords()`; its admin uses `AuditedAdmin`, whose
"History" page lists each version with the staff user, the time and the fields that changed.
Records edited only as inlines (a meeting's agenda and remarks, a person's positions) have no
page of their own, so their parent's history page lists their changes too (`history_children`).
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from simple_history.admin import SimpleHistoryAdmin
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
