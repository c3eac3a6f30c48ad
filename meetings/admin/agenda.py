"""
The agenda and its speakers on the meeting's admin screen, numbered without a script.

A row that the "Add another" button adds has no number; staff may type one, or leave it. Before
the forms are validated, each formset fills in the numbers that are missing or repeated, in the
order of the rows (agenda items 1, 2, 3…; a speaker's turn within an agenda item likewise). A
speaker names their agenda item by its number, so a speaker can go on an agenda item added in the
same save: the agenda is saved first (its inline comes first), then the speakers are attached.
"""

from collections import defaultdict

from django import forms
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from meetings.models import AgendaItem, Remark

AGENDA_PREFIX = "agenda_items"
MAX_ROWS = 1000  # the admin's own cap on a formset's forms
MAX_ORDER = 32767  # PositiveSmallIntegerField


def _number(raw):
    raw = (raw or "").strip()
    if raw.isascii() and raw.isdigit() and 0 < int(raw) <= MAX_ORDER:
        return int(raw)
    return None


def _rows(data, prefix):
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS") or 0), MAX_ROWS)
    except ValueError:
        return
    for index in range(max(total, 0)):
        yield index, f"{prefix}-{index}-"


def _filled(data, name):
    """Whether a row's field was typed: the field itself, or one of its columns per language
    (`title_en`, `title_az`... of django-modeltranslation)."""
    return any(
        (data.get(key) or "").strip() for key in data if key == name or key.startswith(name + "_")
    )


def numbers_in_row_order(data, prefix, *, filled, group=None):
    """
    {row index: number} for the rows of a formset's POST data that count (`filled` typed, not
    marked for deletion): a row keeps the number typed unless it is missing or already taken
    (within its `group`, if given) by an earlier row or by a number typed further down; it then
    gets the next free one after the rows above it.
    """
    rows = [
        (index, key)
        for index, key in _rows(data, prefix)
        if _filled(data, key + filled) and not data.get(key + "DELETE")
    ]
    typed = defaultdict(list)
    for _index, key in rows:
        typed[data.get(key + group) if group else None].append(_number(data.get(key + "order")))
    taken, assigned, last = defaultdict(set), {}, defaultdict(int)
    for index, key in rows:
        bucket = data.get(key + group) if group else None
        number = _number(data.get(key + "order"))
        if number is None or number in taken[bucket]:
            number = last[bucket] + 1
            while number in taken[bucket] or number in typed[bucket]:
                number += 1
        taken[bucket].add(number)
        last[bucket] = max(last[bucket], number)
        assigned[index] = number
    return assigned


class NumberedFormSet(BaseInlineFormSet):
    """An inline formset whose rows are numbered in row order where staff left it to us."""

    filled = "title"
    group = None

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            prefix = kwargs.get("prefix") or self.get_default_prefix()
            data = data.copy()
            numbers = numbers_in_row_order(data, prefix, filled=self.filled, group=self.group)
            for index, number in numbers.items():
                data[f"{prefix}-{index}-order"] = str(number)
        super().__init__(data, *args, **kwargs)


class AgendaItemForm(forms.ModelForm):
    order = forms.IntegerField(
        label=_("order"),
        required=False,
        min_value=1,
        max_value=MAX_ORDER,
        help_text=_("Leave empty: numbered after the rows above."),
    )

    class Meta:
        model = AgendaItem
        fields = ["order", "start_time", "duration", "kind", "title", "description"]


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    form = AgendaItemForm
    formset = NumberedFormSet
    fields = ["order", "start_time", "duration", "kind", "title", "description"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}
    extra = 0


class RemarkForm(forms.ModelForm):
    """A speaker's turn, on the agenda item of the number given (new items included)."""

    agenda_number = forms.IntegerField(
        label=_("agenda item (number)"),
        min_value=1,
        max_value=MAX_ORDER,
        help_text=_("The number in the agenda above; an item added in the same save counts."),
    )
    order = forms.IntegerField(
        label=_("order"),
        required=False,
        min_value=1,
        max_value=MAX_ORDER,
        help_text=_("Leave empty: after the speakers above on the same agenda item."),
    )

    class Meta:
        model = Remark
        fields = [
            "order",
            "status",
            "speaker",
            "speaker_role",
            "speaker_organisation",
            "summary",
            "full_text",
        ]

    def __init__(self, *args, agenda_numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_numbers = set(agenda_numbers)
        if self.instance.pk:
            self.fields["agenda_number"].initial = self.instance.agenda_item.order

    def clean_agenda_number(self):
        number = self.cleaned_data["agenda_number"]
        if number not in self.agenda_numbers:
            raise forms.ValidationError(
                _("The agenda has no item %(number)s."), params={"number": number}
            )
        return number

    def save(self, commit=True):
        # The agenda's formset is saved before this one: the item exists now, new or not.
        self.instance.agenda_item = AgendaItem.objects.get(
            meeting_id=self.instance.meeting_id, order=self.cleaned_data["agenda_number"]
        )
        return super().save(commit)


class RemarkFormSet(NumberedFormSet):
    filled = "speaker"
    group = "agenda_number"

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.is_bound:
            numbers = numbers_in_row_order(self.data, AGENDA_PREFIX, filled="title")
            kwargs["agenda_numbers"] = numbers.values()
        return kwargs


class RemarkInline(TranslationStackedInline):
    model = Remark
    form = RemarkForm
    formset = RemarkFormSet
    fields = [
        ("agenda_number", "order", "status"),
        ("speaker", "speaker_role", "speaker_organisation"),
        "summary",
        "full_text",
    ]
    autocomplete_fields = ["speaker", "speaker_organisation"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("agenda_item")
